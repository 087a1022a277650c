import EstateModel
import Manifest

extension EstateExport.Builder {
    /// Every list- and tree-type field with all its options (`options: {}` / `tree: []` when it has
    /// none). A field is named by its label when that is unique, else by its uid. A field whose options
    /// cannot all be written is left out: a partial list would remove the rest.
    mutating func customFields() -> [DeclaredCustomField] {
        var labelCount: [String: Int] = [:]
        for field in estate.customFields.values { labelCount[field.label, default: 0] += 1 }
        var fields: [DeclaredCustomField] = []
        for field in estate.customFields.values.sorted(by: { ($0.label, $0.uid) < ($1.label, $1.uid) }) {
            let kind = estate.fieldKind(field)
            guard kind != .other else { continue }
            let labelReadsAsUID = field.label.allSatisfy(\.isASCII) && Int(field.label) != nil
            let reference =
                labelCount[field.label] == 1 && NameRules.isWritableName(field.label) && !labelReadsAsUID
                ? field.label : String(field.uid)
            let object = "custom field '\(field.label)' (uid \(field.uid))"
            switch kind {
            case .list:
                guard let options = listOptions(field, object: object) else { continue }
                fields.append(DeclaredCustomField(field: reference, options: options))
            case .tree:
                guard let tree = treeOptions(field, object: object) else { continue }
                fields.append(DeclaredCustomField(field: reference, tree: tree))
            case .other:
                continue
            }
        }
        return fields
    }

    /// The options by key, or nil (and a warning) when one cannot be written.
    mutating func listOptions(_ field: CustomField, object: String) -> [DeclaredListOption]? {
        var keyCount: [String: Int] = [:]
        for option in field.listOptions { keyCount[option.key, default: 0] += 1 }
        if let repeated = keyCount.filter({ $0.value > 1 }).keys.sorted().first {
            warnings.append("\(object) skipped: option key '\(repeated)' appears more than once")
            return nil
        }
        if let bad = field.listOptions.sorted(by: { $0.key < $1.key }).first(where: {
            !NameRules.isWritableName($0.key) || !NameRules.isWritableName($0.value)
        }) {
            warnings.append(
                "\(object) skipped: option \(Self.quoted(bad.key)) = \(Self.quoted(bad.value)) cannot be written in a manifest (empty, control characters or too long)"
            )
            return nil
        }
        return field.listOptions.sorted { $0.key < $1.key }.map { DeclaredListOption(key: $0.key, value: $0.value) }
    }

    /// The option tree, siblings by name, each with its key when the key is unique in the field; nil
    /// (and a warning) when siblings share a name or a name cannot be written.
    mutating func treeOptions(_ field: CustomField, object: String) -> [DeclaredTreeOption]? {
        var keyCount: [String: Int] = [:]
        for option in field.treeOptions { keyCount[option.key, default: 0] += 1 }
        let repeatedKeys = keyCount.filter { !$0.key.isEmpty && $0.value > 1 }.keys.sorted()
        if !repeatedKeys.isEmpty {
            warnings.append(
                "\(object): tree option key\(repeatedKeys.count == 1 ? "" : "s") \(repeatedKeys.map { "'\($0)'" }.joined(separator: ", ")) \(repeatedKeys.count == 1 ? "is" : "are") used more than once; those options are written without a key (identified by their path)"
            )
        }
        var children: [String?: [TreeOption]] = [:]
        for option in field.treeOptions { children[option.parentHash, default: []].append(option) }
        var visited: Set<String> = []
        var problem: String?
        func level(_ parent: String?, _ path: [String]) -> [DeclaredTreeOption] {
            var result: [DeclaredTreeOption] = []
            let siblings = (children[parent] ?? []).sorted { ($0.name, $0.key, $0.hash) < ($1.name, $1.key, $1.hash) }
            for (index, option) in siblings.enumerated() where problem == nil {
                let shown = (path + [option.name]).joined(separator: "/")
                if !NameRules.isWritableName(option.name) {
                    problem = "tree option \(Self.quoted(shown)) has a name that cannot be written in a manifest"
                } else if option.name.contains("/") {
                    let place = path.isEmpty ? "" : " in '\(path.joined(separator: "/"))'"
                    problem = "tree option \(Self.quoted(option.name))\(place) has a name with '/', which joins the names of a path"
                } else if index > 0, siblings[index - 1].name == option.name {
                    problem = "two tree options are at '\(shown)', and siblings must have different names"
                } else if !visited.insert(option.hash).inserted {
                    problem = "tree option '\(shown)' is its own ancestor"
                }
                guard problem == nil else { break }
                let key = keyCount[option.key] == 1 && NameRules.isWritableName(option.key) ? Located(option.key) : nil
                result.append(DeclaredTreeOption(name: option.name, key: key, children: level(option.hash, path + [option.name])))
            }
            return result
        }
        let tree = level(nil, [])
        if let problem {
            warnings.append("\(object) skipped: \(problem)")
            return nil
        }
        return tree
    }
}
