import Yams

/// Composes the YAML documents of one file's text, turning every YAML error into a diagnostic at its mark.
///
/// Yams 6 refuses a mapping with a repeated key and names only the *first* occurrence. To report the
/// repeated key where it is, and still check the rest of the file, the repeated key is found in the text,
/// reported, renamed in a private copy of the text (same length, so no other position moves) and the
/// text composed again; the reader skips the renamed keys.
enum YAMLText {
    struct Composed {
        var documents: [Node] = []
        var diagnostics: [Diagnostic] = []
        var repeatedKeys: Set<TextPosition> = []
    }

    static func compose(_ original: String, file: String) -> Composed {
        var composed = Composed()
        var text = original
        for attempt in 0..<1000 {
            var documents: [Node] = []
            do {
                var sequence = try Yams.compose_all(yaml: text, .basic)
                while let document = sequence.next() { documents.append(document) }
                if let error = sequence.error { throw error }
                composed.documents = documents
                return composed
            } catch let YamlError.duplicatedKeysInMapping(duplicates, context) {
                let key = duplicates.first ?? ""
                guard let repeated = DuplicateKeys.repeatedKey(key, after: context.mark, in: text) else {
                    composed.diagnostics.append(
                        .error(
                            at: SourceLocation(file: file, line: context.mark.line, column: context.mark.column),
                            "duplicate key '\(key)'", hint: "each key may appear once in a mapping"))
                    composed.documents = []
                    return composed
                }
                composed.diagnostics.append(
                    .error(
                        at: SourceLocation(file: file, line: repeated.line, column: repeated.column),
                        "duplicate key '\(key)'",
                        hint:
                            "'\(key)' is already set at line \(context.mark.line), column \(context.mark.column); each key may appear once in a mapping"
                    ))
                composed.repeatedKeys.insert(repeated)
                text = DuplicateKeys.renaming(at: repeated, in: text, uniqueIndex: attempt)
            } catch let error as YamlError {
                composed.documents = documents
                composed.diagnostics.append(diagnostic(for: error, text: text, file: file))
                return composed
            } catch {
                composed.diagnostics.append(.error(at: SourceLocation(file: file, line: 1, column: 1), "cannot read YAML: \(error)"))
                return composed
            }
        }
        return composed
    }

    static func diagnostic(for error: YamlError, text: String, file: String) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            if character(at: mark, in: text) == "\t" {
                return .error(
                    at: at(mark), "YAML syntax error: a tab character cannot indent YAML",
                    hint: "indent with spaces only")
            }
            if let context, let opening = openingBracket(in: context.text) {
                let (closing, what) = opening == "[" ? ("]", "list") : ("}", "mapping")
                return .error(
                    at: at(context.mark), "YAML syntax error: '\(opening)' is never closed",
                    hint: "add the missing '\(closing)'; the \(what) was still open at line \(mark.line), column \(mark.column)")
            }
            if problem.contains("could not find expected ':'"), let context, context.text.contains("simple key") {
                return .error(
                    at: at(context.mark), "YAML syntax error: this key has no ': ' after it",
                    hint: "write 'key: value', with a space after ':'")
            }
            if let context, context.text.contains("quoted scalar") {
                return .error(
                    at: at(context.mark), "YAML syntax error: a quoted string is never closed",
                    hint: "add the closing quote; the string was still open at line \(mark.line), column \(mark.column)")
            }
            if let (message, hint) = explanation(of: problem) {
                return .error(at: at(mark), "YAML syntax error: \(message)", hint: hint)
            }
            var message = "YAML syntax error: \(problem)"
            if let context { message += " (\(context.text) at line \(context.mark.line), column \(context.mark.column))" }
            return .error(at: at(mark), message)
        case .reader(let problem, let offset, _, let yaml):
            var line = 1
            var column = 1
            if let offset {
                for character in yaml.unicodeScalars.prefix(offset) {
                    if character == "\n" {
                        line += 1
                        column = 1
                    } else {
                        column += 1
                    }
                }
            }
            return .error(at: SourceLocation(file: file, line: line, column: column), "YAML syntax error: \(problem)")
        default:
            return .error(at: SourceLocation(file: file, line: 1, column: 1), "YAML syntax error: \(error)")
        }
    }

    static func openingBracket(in context: String) -> String? {
        if context.contains("flow sequence") { return "[" }
        if context.contains("flow mapping") { return "{" }
        return nil
    }

    /// libyaml's common problems in a new user's words, with how to fix them.
    static func explanation(of problem: String) -> (message: String, hint: String)? {
        if problem.contains("mapping values are not allowed") {
            return ("unexpected ':'", "quote a value that contains ': ' (name: \"How to: reset\"), or check the indentation")
        }
        if problem.contains("did not find expected key") {
            return ("this line does not line up with the keys above it", "check its indentation")
        }
        if problem.contains("did not find expected '-'") {
            return ("this line does not line up with the '- ' items above it", "check its indentation")
        }
        if problem.contains("could not find expected ':'") {
            return ("expected ':' after a key", "write 'key: value', or quote a value that spans lines")
        }
        if problem.contains("found character that cannot start any token") {
            return ("a value cannot start with this character", "quote values that start with '@', '`' or '%'")
        }
        if problem.contains("block sequence entries are not allowed") {
            return ("a '- ' item cannot start here", "put list items on their own lines, indented under their key")
        }
        return nil
    }

    static func character(at mark: Mark, in text: String) -> Unicode.Scalar? {
        var line = 1
        var column = 1
        for scalar in text.unicodeScalars {
            if line == mark.line, column == mark.column { return scalar }
            if scalar == "\n" {
                if line == mark.line { return nil }
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return nil
    }
}
