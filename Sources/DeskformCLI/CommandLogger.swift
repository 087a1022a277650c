import Logging

/// The logger the commands hand to the library: silent unless `DESKFORM_LOG` names a level
/// (`trace`, `debug`, `info`, `notice`, `warning`, `error`, `critical`), then one line a message on the
/// console's standard error, among the command's own lines. Requests are logged by method and endpoint
/// only: never headers, never credentials.
enum CommandLogger {
    static func make(_ label: String = "deskform", environment: [String: String], console: Console) -> Logger {
        guard let name = environment["DESKFORM_LOG"], let level = Logger.Level(rawValue: name.lowercased()) else {
            return Logger(label: label, factory: { _ in SwiftLogNoOpLogHandler() })
        }
        var logger = Logger(label: label, factory: { _ in ConsoleLogHandler(console: console) })
        logger.logLevel = level
        return logger
    }

    /// The warning for a `DESKFORM_LOG` that names no level, if it does not.
    static func warning(environment: [String: String]) -> String? {
        guard let name = environment["DESKFORM_LOG"], !name.isEmpty, Logger.Level(rawValue: name.lowercased()) == nil else { return nil }
        let levels = Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")
        return "DESKFORM_LOG=\(name) is not a log level, so nothing is logged; use one of \(levels)"
    }
}

/// Writes each message as one line on the console's standard error, its metadata sorted by key:
/// `deskform: info: retrying (attempt=2 endpoint=sd.version method=GET wait=3.0 s why=the instance answered 503)`.
struct ConsoleLogHandler: LogHandler {
    let console: Console
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let fields = metadata.merging(event.metadata ?? [:]) { $1 }.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        console.err("deskform: \(event.level): \(event.message)\(fields.isEmpty ? "" : " (\(fields.joined(separator: " ")))")\n")
    }
}
