import Yams

/// What one file declares, before files are merged.
struct FileContribution {
    var estate = DeclaredEstate()
    /// Each `policy` mapping read, with where it is.
    var policies: [(policy: Policy, location: SourceLocation)] = []
}

extension ManifestReader {
    /// Reads one YAML document: a mapping of top-level keys (or nothing, for an empty document).
    mutating func read(document root: Node, into contribution: inout FileContribution) {
        if Self.isNull(root) { return }
        guard case .mapping(let mapping) = root else {
            error(root, "a manifest must be a mapping of top-level keys, not \(Self.describe(root))",
                  hint: "start with one of: \(ManifestFormat.topLevel.keys.joined(separator: ", "))")
            return
        }
        let fields = fields(mapping, as: ManifestFormat.topLevel)
        for key in ManifestFormat.topLevel.keys {
            guard let value = fields[key] else { continue }
            if key == "policy" {
                if let policy = policy(value) { contribution.policies.append((policy, location(fields.keys[key]!))) }
                continue
            }
            if Self.isNull(value) { continue }  // `companies:` with everything commented out
            guard let items = objectList(value, key: key) else { continue }
            for item in items {
                switch key {
                case "companies": company(item).map { contribution.estate.companies.append($0) }
                case "groups": group(item).map { contribution.estate.groups.append($0) }
                case "locations": desiredLocation(item).map { contribution.estate.locations.append($0) }
                case "helpdesks": helpDesk(item).map { contribution.estate.helpDesks.append($0) }
                case "kb_categories": kbCategory(item).map { contribution.estate.kbCategories.append($0) }
                case "custom_fields": customField(item).map { contribution.estate.customFields.append($0) }
                default: break
                }
            }
        }
    }

    /// The items of a top-level list (`companies: [...]`).
    mutating func objectList(_ node: Node, key: String) -> [Node]? {
        if case .sequence(let sequence) = node { return Array(sequence) }
        let example = key == "custom_fields" ? "'- field: Department'" : "'- name: …' items under '\(key):'"
        error(node, "'\(key)' must be a list, not \(Self.describe(node))", hint: "write \(example)")
        return nil
    }
}
