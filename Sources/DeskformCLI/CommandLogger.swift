import Logging

/// The logger the commands hand to the library: silent unless `DESKFORM_LOG` names a level
/// (`trace`, `debug`, `info`, `notice`, `warning`, `error`, `critical`), then to standard error.
/// Requests are logged by method and endpoint only: never headers, never credentials.
enum CommandLogger {
    static func make(_ label: String = "deskform", environment: [String: String]) -> Logger {
        guard let name = environment["DESKFORM_LOG"], let level = Logger.Level(rawValue: name.lowercased()) else {
            return Logger(label: label, factory: { _ in SwiftLogNoOpLogHandler() })
        }
        var logger = Logger(label: label, factory: { StreamLogHandler.standardError(label: $0) })
        logger.logLevel = level
        return logger
    }

    /// The warning for a `DESKFORM_LOG` that names no level, if it does not.
    static func warning(environment: [String: String]) -> String? {
        guard let name = environment["DESKFORM_LOG"], !name.isEmpty, Logger.Level(rawValue: name.lowercased()) == nil else { return nil }
        let levels = Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")
        return "deskform: warning: DESKFORM_LOG=\(name) is not a log level, so nothing is logged; use one of \(levels)\n"
    }
}
