import EstateModel

extension Planner {
    mutating func planCustomFields() throws(PlanError) {
        for field in desired.customFields {
            let address = Address(.customField, field.label)
            if let options = field.options { try planListOptions(field.uid, options, address) }
            if let tree = field.tree { try planTreeOptions(field.uid, tree, address) }
        }
    }

    /// One POST with every added or changed option, then one DELETE with every key not declared.
    private mutating func planListOptions(_ uid: Int, _ wanted: [ListOption], _ address: Address) throws(PlanError) {
        let current = Dictionary(steps.estate.customFields[uid]?.listOptions.map { ($0.key, $0.value) } ?? [], uniquingKeysWith: { $1 })
        let wantedKeys = Set(wanted.map(\.key))
        let upserts = wanted.filter { current[$0.key] != $0.value }
        let removed = current.keys.filter { !wantedKeys.contains($0) }.sorted()
        relationChange(
            address, "options", added: upserts.filter { current[$0.key] == nil }.map { "\($0.key): \($0.value)" },
            removed: removed.map { "\($0): \(current[$0]!)" },
            changed: upserts.compactMap { option in current[option.key].map { "\(option.key): \($0) → \(option.value)" } })
        // Upserts first: they never need the erasure, so `--hold-deletes` can apply them without it.
        if !upserts.isEmpty { try steps.add(.upsertListOptions(field: uid, options: upserts), for: address) }
        if !removed.isEmpty { try steps.add(.deleteListOptions(field: uid, keys: removed), for: address) }
    }

    /// Tree options: identity is `key`, else the name path. Options not declared (or whose parent
    /// changed: the API cannot move one) are deleted, topmost first, which also erases their children;
    /// renamed ones are PUT, keeping their hash; new ones are created, parents first.
    private mutating func planTreeOptions(_ uid: Int, _ wanted: [DesiredState.TreeOption], _ address: Address) throws(PlanError) {
        let live = steps.estate.customFields[uid]?.treeOptions ?? []
        var matched: [String: String] = [:]  // live hash → desired identity
        var plannedHash: [String: String] = [:]  // desired identity → live hash kept in place
        var flat: [(option: DesiredState.TreeOption, identity: String, parent: String?)] = []
        func flatten(_ nodes: [DesiredState.TreeOption], parentIdentity: String?, path: [String]) {
            for node in nodes {
                let identity = node.key.map { "key:\($0)" } ?? "path:" + (path + [node.name]).joined(separator: "/")
                flat.append((node, identity, parentIdentity))
                flatten(node.children, parentIdentity: identity, path: path + [node.name])
            }
        }
        flatten(wanted, parentIdentity: nil, path: [])

        let index = OptionIndex(steps.estate)
        func livePath(_ option: TreeOption) -> [String] { steps.estate.customFields[uid]?.treeOptions.path(ofHash: option.hash) ?? [] }
        let liveByKey = Dictionary(live.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        // Keys first (a key names one option anywhere in the tree), then name paths for the rest.
        var claim: [String: TreeOption] = [:]  // desired identity → live option
        var claimed: Set<String> = []
        for entry in flat {
            guard let key = entry.option.key, let option = liveByKey[key] else { continue }
            claim[entry.identity] = option
            claimed.insert(option.hash)
        }
        let byPath = Dictionary(grouping: live) { livePath($0).joined(separator: "/") }
        for entry in flat where entry.option.key == nil {
            let path = String(entry.identity.dropFirst("path:".count))
            let found = (byPath[path] ?? []).filter { !claimed.contains($0.hash) }
            guard found.count <= 1 else {
                throw .ambiguous(
                    address,
                    why:
                        "\(found.count) live options are at \"\(path)\" (hashes \(found.map(\.hash).sorted().joined(separator: ", "))): give the option a key"
                )
            }
            guard let option = found.first else { continue }
            claim[entry.identity] = option
            claimed.insert(option.hash)
        }
        // An option stays only under the parent declared for it (the API cannot move options).
        for entry in flat {
            guard let option = claim[entry.identity] else { continue }
            let wantedParent = entry.parent.flatMap { plannedHash[$0] }
            guard option.parentHash == wantedParent, entry.parent == nil || wantedParent != nil else { continue }
            matched[option.hash] = entry.identity
            plannedHash[entry.identity] = option.hash
        }

        // Delete unmatched options whose parent is kept (deleting a parent erases the rest).
        var removed: [String] = []
        for option in live where matched[option.hash] == nil {
            guard option.parentHash.map({ matched[$0] != nil }) ?? true else { continue }
            removed.append(livePath(option).joined(separator: "/"))
            try steps.add(.deleteTreeOption(field: uid, hash: option.hash), for: address)
        }
        var added: [String] = []
        var renamed: [String] = []
        for entry in flat {
            if let hash = plannedHash[entry.identity] {
                let current = index.treeOption(field: uid, hash: hash)!
                let newName = current.name != entry.option.name ? entry.option.name : nil
                let newKey = entry.option.key.flatMap { $0 != current.key ? $0 : nil }
                if newName != nil || newKey != nil {
                    renamed.append(newName == nil ? "\(current.name) (key \(current.key) → \(newKey!))" : "\(current.name) → \(entry.option.name)")
                    try steps.add(.updateTreeOption(field: uid, hash: hash, name: newName, key: newKey), for: address)
                }
                continue
            }
            let parentHash = entry.parent.flatMap { plannedHash[$0] }
            try steps.add(.addTreeOption(field: uid, name: entry.option.name, key: entry.option.key, parentHash: parentHash), for: address)
            if case .treeOption(_, let hash)? = steps.steps.last?.creates { plannedHash[entry.identity] = hash }
            added.append(entry.option.key.map { "\(entry.option.name) (\($0))" } ?? entry.option.name)
        }
        relationChange(address, "tree options", added: added, removed: removed, changed: renamed)
    }
}
