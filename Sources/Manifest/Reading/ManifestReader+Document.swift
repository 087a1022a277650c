import Yams

/// What one file declares, before files are merged.
struct FileContribution {
    var estate = DeclaredEstate()
    /// Each `policy` mapping read, with where it is.
    var policies: [(policy: Policy, location: SourceLocation)] = []
    /// For each top-level kind, the keys each object read sets, in the order the objects were read:
    /// an overlay replaces only these.
    var keys: [String: [Set<String>]] = [:]

    /// Appends what `other` declares after what this one does.
    mutating func append(_ other: FileContribution) {
        estate.companies += other.estate.companies
        estate.groups += other.estate.groups
        estate.locations += other.estate.locations
        estate.helpDesks += other.estate.helpDesks
        estate.kbCategories += other.estate.kbCategories
        estate.customFields += other.estate.customFields
        estate.users += other.estate.users
        policies += other.policies
        keys.merge(other.keys, uniquingKeysWith: +)
    }
}

extension ManifestReader {
    /// Reads one YAML document: a mapping of top-level keys (or nothing, for an empty document).
    mutating func read(document root: Node, into contribution: inout FileContribution) {
        if Self.isNull(root) { return }
        guard case .mapping(let mapping) = root else {
            error(
                root, "a manifest must be a mapping of top-level keys, not \(Self.describe(root))",
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
                let read: Bool
                switch key {
                case "companies": read = company(item).map { contribution.estate.companies.append($0) } != nil
                case "groups": read = group(item).map { contribution.estate.groups.append($0) } != nil
                case "locations": read = desiredLocation(item).map { contribution.estate.locations.append($0) } != nil
                case "helpdesks": read = helpDesk(item).map { contribution.estate.helpDesks.append($0) } != nil
                case "kb_categories": read = kbCategory(item).map { contribution.estate.kbCategories.append($0) } != nil
                case "custom_fields": read = customField(item).map { contribution.estate.customFields.append($0) } != nil
                case "users": read = user(item).map { contribution.estate.users.append($0) } != nil
                default: read = false
                }
                if read { contribution.keys[key, default: []].append(Self.keys(of: item)) }
            }
        }
    }

    /// The keys a mapping sets (as written; unknown ones were reported when it was read).
    static func keys(of node: Node) -> Set<String> {
        guard case .mapping(let mapping) = node else { return [] }
        return Set(mapping.keys.compactMap { $0.scalar?.string })
    }

    /// The items of a top-level list (`companies: [...]`).
    mutating func objectList(_ node: Node, key: String) -> [Node]? {
        if case .sequence(let sequence) = node { return Array(sequence) }
        let example =
            switch key {
            case "custom_fields": "'- field: Department'"
            case "users": "'- username: …' items under 'users:'"
            default: "'- name: …' items under '\(key):'"
            }
        error(node, "'\(key)' must be a list, not \(Self.describe(node))", hint: "write \(example)")
        return nil
    }
}
