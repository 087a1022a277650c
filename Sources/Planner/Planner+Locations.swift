import Estate

extension Planner {
    /// The id of the location at `path` in the replay.
    func locationID(at path: [String]) -> Int? {
        Self.node(at: path, in: steps.estate.locations.values.map { ($0.id, $0.name, $0.parentID) })
    }

    /// The node at `path` among `(id, name, parent)` triples; nil when missing or ambiguous.
    static func node(at path: [String], in nodes: [(id: Int, name: String, parent: Int?)]) -> Int? {
        var parent: Int?
        for name in path {
            let found = nodes.filter { $0.parent == parent && $0.name == name }
            guard found.count == 1 else { return nil }
            parent = found[0].id
        }
        return parent
    }

    /// Location objects: replaces (a rename is a delete and a create, erasing sublocations), then
    /// creates, parents first. Memberships and observers follow in their own phases.
    mutating func planLocations() throws(PlanError) {
        for location in desired.locations where !location.absent {
            let address = Address(.location, location.path.joined(separator: "/"))
            if locationID(at: location.path) != nil { continue }
            let parentPath = Array(location.path.dropLast())
            for previous in location.previousNames {
                guard let old = locationID(at: parentPath + [previous]) else { continue }
                if location.protect {
                    errors.append(.protected(address, why: "renaming it from \"\(previous)\" replaces it (the API cannot rename locations)"))
                    break
                }
                change(address, .replace, reason: "renamed from \"\(previous)\"; the API cannot rename locations",
                       before: ["name": previous], after: ["name": location.path.last!])
                let erased = steps.estate.locationSubtree(of: old).subtracting([old])
                    .map { steps.estate.locationPath(of: $0).joined(separator: "/") }.sorted()
                if !erased.isEmpty { consequence(address, "erases its sublocations: \(erased.joined(separator: ", "))") }
                try steps.add(.deleteLocation(id: old), for: address)
                break
            }
            let parent = parentPath.isEmpty ? nil : locationID(at: parentPath)
            if changes[address] == nil {
                change(address, .create, reason: "not in the instance", after: attributes(name: location.path.last!, parent: parentPath))
            }
            try steps.add(.createLocation(name: location.path.last!, parentID: parent), for: address)
        }
    }

    /// Location members, against the replay.
    mutating func planLocationRelations() throws(PlanError) {
        for location in desired.locations where !location.absent {
            guard let wanted = location.members, let id = locationID(at: location.path) else { continue }
            let address = Address(.location, location.path.joined(separator: "/"))
            let current = steps.estate.locations[id]!.members
            let removed = current.subtracting(wanted).sorted()
            let added = wanted.subtracting(current).sorted()
            relationChange(address, "members", added: userNames(added), removed: userNames(removed))
            if !removed.isEmpty { try steps.add(.removeMembers(.location(id), users: removed), for: address) }
            if !added.isEmpty { try steps.add(.addMembers(.location(id), users: added), for: address) }
        }
    }
}
