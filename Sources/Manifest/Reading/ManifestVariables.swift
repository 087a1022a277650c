import Yams

/// The values `${var.NAME}` and `${env.NAME}` stand for in the string values of manifests: an
/// environment's `variables` from the project file, and the process environment. Loading without
/// them (no project file) leaves every string as written.
package struct ManifestVariables: Hashable, Sendable {
    /// `${var.NAME}`: the environment's `variables`.
    package var values: [String: String]
    /// `${env.NAME}`: the process environment.
    package var environment: [String: String]
    /// The environment the values belong to, for messages ("in environment 'staging'").
    package var environmentName: String

    package init(values: [String: String], environment: [String: String], environmentName: String) {
        self.values = values
        self.environment = environment
        self.environmentName = environmentName
    }

    /// `node` with every `${var.NAME}` and `${env.NAME}` in its scalars replaced, and an error at the
    /// use of every name that has no value. Keys are left as written.
    func substitute(in node: Node, file: String, diagnostics: inout [Diagnostic]) -> Node {
        switch node {
        case .scalar(var scalar):
            guard scalar.string.contains("${") else { return node }
            let at = SourceLocation(file: file, line: scalar.mark?.line ?? 0, column: scalar.mark?.column ?? 0)
            let plainOneLine = scalar.style == .plain && !scalar.string.contains("\n")
            scalar.string = substitute(in: scalar.string, at: at, columnsExact: plainOneLine, diagnostics: &diagnostics)
            return .scalar(scalar)
        case .mapping(let mapping):
            let pairs = mapping.map { ($0.key, substitute(in: $0.value, file: file, diagnostics: &diagnostics)) }
            return .mapping(Node.Mapping(pairs, mapping.tag, mapping.style, mapping.mark))
        case .sequence(let sequence):
            let items = sequence.map { substitute(in: $0, file: file, diagnostics: &diagnostics) }
            return .sequence(Node.Sequence(items, sequence.tag, sequence.style, sequence.mark))
        case .alias:
            return node
        }
    }

    /// `text` with its references replaced. A use is reported at its own column when the text is a
    /// plain scalar on one line (the column is then exact), else at the start of the value.
    func substitute(in text: String, at start: SourceLocation, columnsExact: Bool, diagnostics: inout [Diagnostic]) -> String {
        var result = ""
        var rest = Substring(text)
        var column = start.column
        while let open = rest.range(of: "${") {
            result += rest[..<open.lowerBound]
            column += rest[..<open.lowerBound].unicodeScalars.count
            let here = columnsExact ? SourceLocation(file: start.file, line: start.line, column: column) : start
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else {
                diagnostics.append(
                    .error(
                        at: here, "'${' opens a variable that is never closed",
                        hint: "write '${var.NAME}' or '${env.NAME}'"))
                return result + rest[open.lowerBound...]
            }
            let reference = rest[open.lowerBound...close]
            let inner = String(rest[open.upperBound..<close])
            column += reference.unicodeScalars.count
            rest = rest[rest.index(after: close)...]
            if inner.hasPrefix("var.") {
                let name = String(inner.dropFirst(4))
                if let value = values[name] {
                    result += value
                } else {
                    diagnostics.append(
                        .error(
                            at: here, "variable '\(name)' is not defined for environment '\(environmentName)'",
                            hint: Suggestion.didYouMean(name, among: values.keys.sorted())
                                ?? "add it under 'environments.\(environmentName).variables' in deskform.yaml"))
                    result += reference
                }
            } else if inner.hasPrefix("env.") {
                let name = String(inner.dropFirst(4))
                if let value = environment[name] {
                    result += value
                } else {
                    diagnostics.append(
                        .error(
                            at: here, "environment variable '\(name)' is not set",
                            hint: "set \(name) in the environment deskform runs in"))
                    result += reference
                }
            } else {
                diagnostics.append(
                    .error(
                        at: here, "'\(reference)' is neither '${var.NAME}' nor '${env.NAME}'",
                        hint: "name a variable of the environment ('${var.…}') or of the process ('${env.…}')"))
                result += reference
            }
        }
        return result + rest
    }

    /// A warning at every `${var.NAME}` and `${env.NAME}` in `node`'s scalars, read outside an
    /// environment: they stay as written. Reported where `substitute` would report them.
    static func unreplaced(in node: Node, file: String) -> [Diagnostic] {
        switch node {
        case .scalar(let scalar):
            guard scalar.string.contains("${") else { return [] }
            let plainOneLine = scalar.style == .plain && !scalar.string.contains("\n")
            var diagnostics: [Diagnostic] = []
            var rest = Substring(scalar.string)
            var column = scalar.mark?.column ?? 0
            while let open = rest.range(of: "${") {
                column += rest[..<open.lowerBound].unicodeScalars.count
                guard let close = rest[open.upperBound...].firstIndex(of: "}") else { break }
                let reference = rest[open.lowerBound...close]
                if reference.hasPrefix("${var.") || reference.hasPrefix("${env.") {
                    let here = SourceLocation(
                        file: file, line: scalar.mark?.line ?? 0, column: plainOneLine ? column : scalar.mark?.column ?? 0)
                    diagnostics.append(
                        .warning(
                            at: here, "'\(reference)' is only replaced in an environment: run with --env NAME",
                            hint: "without one, it stays as written; environments are declared in deskform.yaml"))
                }
                column += reference.unicodeScalars.count
                rest = rest[rest.index(after: close)...]
            }
            return diagnostics
        case .mapping(let mapping):
            return mapping.flatMap { unreplaced(in: $0.value, file: file) }
        case .sequence(let sequence):
            return sequence.flatMap { unreplaced(in: $0, file: file) }
        case .alias:
            return []
        }
    }
}
