import Foundation

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
