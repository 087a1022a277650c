/// One problem found in the manifests (or, for the planner, in how they meet the live instance).
///
/// Diagnostics are collected, never thrown one at a time: a run reports every problem it found,
/// sorted by file and position.
package struct Diagnostic: Hashable, Sendable {
    package enum Severity: String, Hashable, Sendable, Codable, Comparable {
        case warning
        case error

        package static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .error
        }
    }

    package var severity: Severity
    package var position: SourceLocation
    /// What is wrong, in one line, starting lower-case, without a final full stop.
    package var message: String
    /// Lines under the message, before the hint: what it is about, one item a line (the objects an undo
    /// would overwrite). Most diagnostics have none.
    package var details: [String]
    /// How to fix it, when there is something useful to say (a did-you-mean, the other place named).
    package var hint: String?

    package init(_ severity: Severity, at location: SourceLocation, _ message: String, details: [String] = [], hint: String? = nil) {
        self.severity = severity
        self.position = location
        self.message = message
        self.details = details
        self.hint = hint
    }

    package static func error(at location: SourceLocation, _ message: String, details: [String] = [], hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, at: location, message, details: details, hint: hint)
    }

    package static func warning(at location: SourceLocation, _ message: String, details: [String] = [], hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, at: location, message, details: details, hint: hint)
    }

    package var isError: Bool { severity == .error }
}

extension Diagnostic {
    /// The JSON shape of one diagnostic (`deskform validate --format json`).
    package struct Record: Codable, Equatable, Sendable {
        package var severity: Severity
        package var file: String
        package var line: Int
        package var column: Int
        package var message: String
        package var hint: String?

        package init(severity: Severity, file: String, line: Int, column: Int, message: String, hint: String? = nil) {
            self.severity = severity
            self.file = file
            self.line = line
            self.column = column
            self.message = message
            self.hint = hint
        }
    }

    package var record: Record {
        Record(
            severity: severity, file: position.file, line: position.line, column: position.column,
            message: message, hint: hint
        )
    }
}

extension Diagnostic: Comparable {
    /// By file, line and column; errors before warnings at the same place; then by message.
    package static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.position != rhs.position { return lhs.position < rhs.position }
        if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
        return lhs.message < rhs.message
    }
}

extension Array where Element == Diagnostic {
    /// Whether any of these is an error (warnings alone leave a run clean).
    package var containsErrors: Bool { contains(where: \.isError) }
    package var errorCount: Int { filter(\.isError).count }
    package var warningCount: Int { count - errorCount }
}
