import Foundation

extension Diagnostic {
    /// The JSON shape of one diagnostic (`deskform validate --format json`).
    public struct Record: Codable, Equatable, Sendable {
        public var severity: Severity
        public var file: String
        public var line: Int
        public var column: Int
        public var message: String
        public var hint: String?

        public init(severity: Severity, file: String, line: Int, column: Int, message: String, hint: String? = nil) {
            self.severity = severity
            self.file = file
            self.line = line
            self.column = column
            self.message = message
            self.hint = hint
        }
    }

    public var record: Record {
        Record(
            severity: severity, file: position.file, line: position.line, column: position.column,
            message: message, hint: hint
        )
    }
}

/// The JSON report of a validation: every diagnostic, sorted, and the counts.
public struct DiagnosticReport: Codable, Equatable, Sendable {
    public var formatVersion: Int = 1
    public var valid: Bool
    public var errors: Int
    public var warnings: Int
    public var files: Int
    public var diagnostics: [Diagnostic.Record]
    /// The environment of the project file the report is about; absent without one.
    public var environment: String?

    enum CodingKeys: String, CodingKey {
        case formatVersion = "format_version"
        case valid, errors, warnings, files, diagnostics, environment
    }

    public init(diagnostics: [Diagnostic], files: Int) {
        self.valid = !diagnostics.containsErrors
        self.errors = diagnostics.errorCount
        self.warnings = diagnostics.warningCount
        self.files = files
        self.diagnostics = diagnostics.sorted().map(\.record)
    }

    /// Pretty-printed, keys sorted, ending in a newline.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
