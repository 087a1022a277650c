import Logging

/// The logger the commands hand to the library: silent unless `DESKFORM_LOG` names a level
/// (`debug`, `info`, …), then to standard error. Requests are logged by method and endpoint only:
/// never headers, never credentials.
enum CommandLogger {
    static func make(_ label: String = "deskform", environment: [String: String]) -> Logger {
        guard let name = environment["DESKFORM_LOG"], let level = Logger.Level(rawValue: name.lowercased()) else {
            return Logger(label: label, factory: { _ in SwiftLogNoOpLogHandler() })
        }
        var logger = Logger(label: label, factory: { StreamLogHandler.standardError(label: $0) })
        logger.logLevel = level
        return logger
    }
}
