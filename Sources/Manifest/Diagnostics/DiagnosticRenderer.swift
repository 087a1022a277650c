#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Prints diagnostics the way compilers do:
///
///     companies/acme.yaml:4:5: error: unknown key 'membres' in a company
///       hint: did you mean 'members'?
///
/// A problem with no place in a file is at ``SourceLocation/deskform``: `deskform: error: …`. Every error a
/// user reads is rendered here, those of the commands too (`CommandFailure` in the CLI).
///
/// Colour is used only when asked for; `DiagnosticRenderer.wantsColour(fileDescriptor:environment:)`
/// decides it the usual way (a terminal, `NO_COLOR` unset, `TERM` not `dumb`).
package struct DiagnosticRenderer: Sendable {
    package var colour: Bool

    package init(colour: Bool = false) {
        self.colour = colour
    }

    /// The diagnostics, sorted, one or two lines each, every line ending in a newline.
    package func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.sorted().map(render).joined()
    }

    /// One diagnostic: its `path:line:column: severity: message` line, its details indented under it, and,
    /// if any, its hint line.
    package func render(_ diagnostic: Diagnostic) -> String {
        let place = diagnostic.position.description
        let label = diagnostic.severity.rawValue
        var text =
            paint(place + ":", .bold) + " "
            + paint(label + ":", diagnostic.isError ? .red : .yellow) + " "
            + paint(diagnostic.message, .bold) + "\n"
        text += diagnostic.details.map { "  \($0)\n" }.joined()
        if let hint = diagnostic.hint {
            text += "  " + paint("hint:", .cyan) + " " + hint + "\n"
        }
        return text
    }

    /// `3 errors, 1 warning`.
    package static func summary(of diagnostics: [Diagnostic]) -> String {
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return count(diagnostics.errorCount, "error") + ", " + count(diagnostics.warningCount, "warning")
    }

    /// Colour only on a terminal, and never when `NO_COLOR` is set (to anything but the empty string)
    /// or `TERM` is `dumb`.
    package static func wantsColour(fileDescriptor: Int32, environment: [String: String]) -> Bool {
        if let noColour = environment["NO_COLOR"], !noColour.isEmpty { return false }
        if environment["TERM"] == "dumb" { return false }
        return isatty(fileDescriptor) == 1
    }

    enum Style: String {
        case bold = "1"
        case red = "1;31"
        case yellow = "1;33"
        case cyan = "36"
    }

    func paint(_ text: String, _ style: Style) -> String {
        colour ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }
}
