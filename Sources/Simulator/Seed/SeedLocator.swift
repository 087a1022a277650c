import Yams

/// Finds the YAML node at a path (`["users", 3, "id"]`) so that every seed problem can be
/// reported at its line and column, and gathers the problems.
struct SeedLocator {
    let root: Node
    private(set) var problems: [SeedError.Problem] = []

    init(root: Node) {
        self.root = root
    }

    enum Step: Sendable {
        case key(String)
        case index(Int)
    }

    func node(at path: [Step]) -> Node? {
        var current: Node? = root
        for step in path {
            switch step {
            case .key(let key): current = current?.mapping?[key]
            case .index(let index):
                guard let sequence = current?.sequence, sequence.indices.contains(index) else { return nil }
                current = sequence[index]
            }
        }
        return current
    }

    /// Reports `message` at the deepest node of `path` that exists.
    mutating func report(_ message: String, at path: [Step]) {
        var path = path
        var found = node(at: path)
        while found == nil, !path.isEmpty {
            path.removeLast()
            found = node(at: path)
        }
        let mark = found?.mark
        problems.append(.init(line: mark?.line, column: mark?.column, message: message))
    }

    func problem(from error: DecodingError) -> SeedError.Problem {
        let (codingPath, message): ([any CodingKey], String) =
            switch error {
            case .typeMismatch(let type, let context): (context.codingPath, "expected \(Self.describe(type)): \(context.debugDescription)")
            case .valueNotFound(let type, let context): (context.codingPath, "missing \(Self.describe(type))")
            case .keyNotFound(let key, let context): (context.codingPath, "missing key '\(key.stringValue)'")
            case .dataCorrupted(let context): (context.codingPath, context.debugDescription)
            @unknown default: ([], "\(error)")
            }
        var locator = self
        let path: [Step] = codingPath.map { key in key.intValue.map(Step.index) ?? .key(key.stringValue) }
        locator.problems = []
        locator.report(message, at: path)
        return locator.problems[0]
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type: "an integer"
        case is String.Type: "a string"
        case is Bool.Type: "a boolean"
        default: "\(type)"
        }
    }

    /// Reports every key the seed format does not know, with the keys it does.
    mutating func checkKeys() {
        checkKeys(of: root, section: "", path: [])
    }

    private mutating func checkKeys(of node: Node, section: String, path: [Step]) {
        guard let mapping = node.mapping, let allowed = SeedDocument.allowedKeys[section] else { return }
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            guard allowed.contains(key) else {
                let mark = keyNode.mark
                problems.append(
                    .init(
                        line: mark?.line, column: mark?.column,
                        message: "unknown key '\(key)'; expected one of: \(allowed.joined(separator: ", "))"))
                continue
            }
            // Tree options nest through `children`, with the same keys at every depth.
            let child = key == "children" ? section : (section.isEmpty ? key : section + "." + key)
            guard SeedDocument.allowedKeys[child] != nil, let items = value.sequence else { continue }
            for (index, item) in items.enumerated() {
                checkKeys(of: item, section: child, path: path + [.key(key), .index(index)])
            }
        }
    }
}
