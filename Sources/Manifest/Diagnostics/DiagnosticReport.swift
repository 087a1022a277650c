import Foundation

/// The JSON report of a validation: every diagnostic, sorted, and the counts.
package struct DiagnosticReport: Codable, Equatable, Sendable {
    package var formatVersion: Int = 1
    package var valid: Bool
    package var errors: Int
    package var warnings: Int
    package var files: Int
    package var diagnostics: [Diagnostic.Record]
    /// The environment of the project file the report is about; absent without one.
    package var environment: String?

    enum CodingKeys: String, CodingKey {
        case formatVersion = "format_version"
        case valid, errors, warnings, files, diagnostics, environment
    }

    package init(diagnostics: [Diagnostic], files: Int) {
        self.valid = !diagnostics.containsErrors
        self.errors = diagnostics.errorCount
        self.warnings = diagnostics.warningCount
        self.files = files
        self.diagnostics = diagnostics.sorted().map(\.record)
    }

    /// Pretty-printed, keys sorted, ending in a newline.
    package func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
