import EstateModel

extension Planner {
    /// The id of the location at `path` in the replay; two at one path are an error.
    func locationID(at path: [String]) throws(PlanError) -> Int? {
        try steps.locationPaths.node(at: path)
    }

    /// Location objects: replaces (a rename is a delete and a create, erasing sublocations), then
    /// creates, parents first. Memberships and observers follow in their own phases.
    mutating func planLocations() throws(PlanError) {
        for location in desired.locations where !location.absent {
            let address = Address(.location, location.path.joined(separator: "/"))
            if try locationID(at: location.path) != nil { continue }
            let parentPath = Array(location.path.dropLast())
            for previous in location.previousNames {
                guard let old = try locationID(at: parentPath + [previous]) else { continue }
                if location.protect {
                    errors.append(
                        .protected(address, why: "renaming it from \"\(previous)\" replaces it (the API cannot rename locations)"))
                    break
                }
                change(
                    address, .replace, reason: "renamed from \"\(previous)\"; the API cannot rename locations",
                    before: ["name": previous], after: ["name": location.path.last!])
                try steps.add(
                    .deleteLocation(id: old), for: address, subject: Address(.location, (parentPath + [previous]).joined(separator: "/")))
                break
            }
            let parent = parentPath.isEmpty ? nil : try locationID(at: parentPath)
            if changes[address] == nil {
                change(address, .create, reason: "not in the instance", after: attributes(name: location.path.last!, parent: parentPath))
            }
            try steps.add(.createLocation(name: location.path.last!, parentID: parent), for: address)
        }
    }

    /// Location members, against the replay.
    mutating func planLocationRelations() throws(PlanError) {
        for location in desired.locations where !location.absent {
            guard let declared = location.members, let id = try locationID(at: location.path) else { continue }
            let wanted = declaredMembers(.location, location.path.joined(separator: "/"), declared)
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
