import Yams

/// Walks the composed YAML of one file and builds the desired estate's values, collecting a diagnostic
/// (with the node's mark) for every problem instead of stopping at the first.
struct ManifestReader {
    let file: String
    /// Positions of keys that repeated an earlier key of their mapping; already reported and skipped.
    let repeatedKeys: Set<TextPosition>
    var diagnostics: [Diagnostic] = []

    init(file: String, repeatedKeys: Set<TextPosition> = []) {
        self.file = file
        self.repeatedKeys = repeatedKeys
    }

    func location(_ node: Node) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(file: file) }
        return SourceLocation(file: file, line: mark.line, column: mark.column)
    }

    mutating func error(_ node: Node, _ message: String, hint: String? = nil) {
        diagnostics.append(.error(at: location(node), message, hint: hint))
    }

    mutating func warning(_ node: Node, _ message: String, hint: String? = nil) {
        diagnostics.append(.warning(at: location(node), message, hint: hint))
    }

    mutating func error(at location: SourceLocation, _ message: String, hint: String? = nil) {
        diagnostics.append(.error(at: location, message, hint: hint))
    }

    // MARK: Shapes

    /// How a message names what it found: "a string", "a list", "a mapping", "nothing".
    static func describe(_ node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            if isNull(scalar) { return "nothing" }
            if scalar.style == .plain, Int(scalar.string) != nil { return "a number" }
            if scalar.style == .plain, ["true", "false", "True", "False", "TRUE", "FALSE"].contains(scalar.string) {
                return "a boolean"
            }
            return "a string"
        }
    }

    /// A plain empty scalar, `~` or `null`: YAML's null.
    static func isNull(_ scalar: Node.Scalar) -> Bool {
        scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    static func isNull(_ node: Node) -> Bool {
        if case .scalar(let scalar) = node { return isNull(scalar) }
        return false
    }

    /// The keys of a mapping and their values, after reporting unknown, misplaced and non-string keys
    /// (and skipping keys already reported as repeated).
    mutating func fields(_ mapping: Node.Mapping, as shape: ManifestFormat.Shape) -> Fields {
        var fields = Fields()
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key, !Self.isNull(scalar) else {
                error(
                    key, "a key in \(shape.noun) must be a plain word, not \(Self.describe(key))",
                    hint: "known keys: \(shape.keys.joined(separator: ", "))")
                continue
            }
            if let mark = scalar.mark, repeatedKeys.contains(TextPosition(mark)) { continue }
            let name = scalar.string
            if shape.keys.contains(name) {
                fields.values[name] = value
                fields.keys[name] = key
            } else if name == "<<" {
                error(
                    key, "YAML merge keys ('<<') are not supported in manifests",
                    hint: "repeat the keys, or reuse a whole list with an alias ('members: *admins')")
            } else if let reason = shape.notAllowed[name] {
                error(key, "'\(name)' is not allowed in \(shape.noun)", hint: reason)
            } else {
                let where_ = shape.noun == ManifestFormat.topLevel.noun ? "top-level key" : "key"
                let suffix = shape.noun == ManifestFormat.topLevel.noun ? "" : " in \(shape.noun)"
                error(
                    key, "unknown \(where_) '\(name)'\(suffix)",
                    hint: Suggestion.didYouMean(name, among: shape.keys, aliases: ManifestFormat.aliases)
                        ?? "known keys: \(shape.keys.joined(separator: ", "))")
            }
        }
        return fields
    }

    /// The mapping of one object, or an error naming what was found instead.
    mutating func mapping(_ node: Node, for noun: String, example: String) -> Node.Mapping? {
        if case .mapping(let mapping) = node { return mapping }
        var hint = "write it as \(example)"
        if case .scalar(let scalar) = node, !Self.isNull(scalar) {
            if let colon = scalar.string.firstIndex(of: ":"), scalar.string[colon...].dropFirst().first != " " {
                let key = scalar.string[..<colon]
                let value = scalar.string[colon...].dropFirst()
                hint = "put a space after ':' ('\(key): \(value)')"
            } else if example.hasPrefix("'- name:") {
                hint = "write it as '- name: \(scalar.string)'"
            } else if example.hasPrefix("'- {name:") {
                hint = "write it as '{name: \(scalar.string)}'"
            }
        }
        error(node, "\(noun) must be a mapping, not \(Self.describe(node))", hint: hint)
        return nil
    }

    /// The items of a list value, or an error naming what was found instead. Null is an error too:
    /// an empty key is ambiguous between "manage nothing" and "remove everything".
    mutating func list(_ node: Node, key: String, of noun: String, example: String) -> [Node]? {
        switch node {
        case .sequence(let sequence):
            return Array(sequence)
        case .scalar(let scalar) where Self.isNull(scalar):
            error(
                node, "'\(key)' has no value",
                hint: "write '\(key): []' to manage an empty list, or remove the key to leave \(noun) unmanaged")
            return nil
        case .scalar(let scalar):
            // Users never contain spaces or commas, so "alice bob" or "alice, bob" are several users.
            let items =
                noun == "users"
                ? scalar.string.split(whereSeparator: { $0 == "," || $0.isWhitespace }).joined(separator: ", ")
                : scalar.string
            error(
                node, "'\(key)' must be a list of \(noun), not \(Self.describe(node))",
                hint: "write '\(key): [\(items)]'")
            return nil
        default:
            error(node, "'\(key)' must be a list of \(noun), not \(Self.describe(node))", hint: "write \(example)")
            return nil
        }
    }

    /// The text of a scalar, or an error naming what was found instead.
    mutating func text(_ node: Node, key: String, in noun: String) -> Located<String>? {
        guard case .scalar(let scalar) = node else {
            error(node, "'\(key)' of \(noun) must be a single value, not \(Self.describe(node))")
            return nil
        }
        if Self.isNull(scalar) {
            error(node, "'\(key)' of \(noun) has no value")
            return nil
        }
        return Located(scalar.string, at: location(node))
    }

    mutating func bool(_ node: Node?, key: String, in noun: String) -> Bool {
        guard let node else { return false }
        if case .scalar(let scalar) = node, scalar.style == .plain {
            switch scalar.string {
            case "true", "True", "TRUE": return true
            case "false", "False", "FALSE": return false
            default: break
            }
        }
        let found = node.scalar.map { "'\($0.string)'" } ?? Self.describe(node)
        let quoted = node.scalar.map { $0.style != .plain && ["true", "false"].contains($0.string.lowercased()) } ?? false
        error(
            node, "'\(key)' of \(noun) must be true or false, not \(found)",
            hint: quoted ? "write it without quotes: a quoted value is a string" : nil)
        return false
    }

    mutating func integer(_ node: Node, key: String, in noun: String, minimum: Int) -> Located<Int>? {
        if case .scalar(let scalar) = node, scalar.style == .plain, let value = Int(scalar.string), value >= minimum {
            return Located(value, at: location(node))
        }
        let found = node.scalar.map { "'\($0.string)'" } ?? Self.describe(node)
        let quoted = node.scalar.map { $0.style != .plain && Int($0.string) != nil } ?? false
        error(
            node, "'\(key)' of \(noun) must be a whole number of at least \(minimum), not \(found)",
            hint: quoted ? "write it without quotes: a quoted value is a string" : nil)
        return nil
    }
}

/// The recognised keys of one mapping, with their key and value nodes.
struct Fields {
    var values: [String: Node] = [:]
    var keys: [String: Node] = [:]

    subscript(_ key: String) -> Node? { values[key] }
}

/// A line and column in a file's text, hashable (Yams' `Mark` is not).
struct TextPosition: Hashable, Sendable {
    let line: Int
    let column: Int

    init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    init(_ mark: Mark) {
        self.init(line: mark.line, column: mark.column)
    }
}
