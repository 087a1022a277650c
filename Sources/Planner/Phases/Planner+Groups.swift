import EstateModel

/// How a desired group relates to the live estate.
enum GroupMatch: Equatable {
    case existing(Int)
    /// Live under one of its `previous_names`: the API cannot rename, so delete and create.
    case replace(old: Int)
    case create
}

/// Relations of a replaced group that the manifests leave unmanaged.
struct GroupRelations: Equatable {
    var members: Set<Int>
    var observers: Set<Int>
    var companies: Set<Int>
}

extension Planner {
    func matchGroups() throws(PlanError) -> [GroupMatch] {
        var matches: [GroupMatch] = []
        func liveGroup(named name: String, for address: Address) throws(PlanError) -> Int? {
            let ids = (liveGroups.byName[name] ?? []).map(\.id).sorted()
            guard ids.count <= 1 else {
                throw .ambiguous(
                    address, why: "\(ids.count) live groups are named \"\(name)\" (ids \(ids.map(String.init).joined(separator: ", ")))")
            }
            return ids.first
        }
        for group in desired.groups {
            let address = Address(.group, group.name)
            if let id = try liveGroup(named: group.name, for: address) {
                matches.append(.existing(id))
                continue
            }
            var old: Int?
            for name in group.previousNames {
                if let id = try liveGroup(named: name, for: address) {
                    old = id
                    break
                }
            }
            matches.append(old.map { .replace(old: $0) } ?? .create)
        }
        return matches
    }

    /// Deletes the groups that are renamed: their unmanaged relations are kept to re-apply.
    mutating func planReplacedGroups(_ matches: [GroupMatch]) throws(PlanError) {
        for (group, match) in zip(desired.groups, matches) {
            guard case .replace(let old) = match, !group.absent else { continue }
            let address = Address(.group, group.name)
            let current = live.groups[old]!
            if group.protect {
                errors.append(.protected(address, why: "renaming it from \"\(current.name)\" replaces it (the API cannot rename groups)"))
                continue
            }
            change(
                address, .replace, reason: "renamed from \"\(current.name)\"; the API cannot rename groups",
                before: ["name": current.name], after: ["name": group.name])
            let relating = Set(live.companies.values.filter { $0.groups.contains(old) }.map(\.id))
            groupCarryOver[old] = GroupRelations(
                members: group.members == nil ? current.members : [], observers: group.observers == nil ? current.observers : [],
                companies: relating)
            if !current.members.isEmpty || !relating.isEmpty {
                consequence(
                    address,
                    "the old group's \(current.members.count.counted("membership")) and \(relating.count.counted("company relation")) are dropped and re-applied to the new group"
                )
            }
            try steps.add(.deleteGroup(id: old), for: address, subject: Address(.group, current.name))
        }
    }

    /// Creates new and replacing groups, and re-relates replaced groups to their companies.
    mutating func planGroupObjects(_ matches: [GroupMatch]) throws(PlanError) {
        groupIDs = Array(repeating: nil, count: desired.groups.count)
        for (index, (group, match)) in zip(desired.groups, matches).enumerated() where !group.absent {
            let address = Address(.group, group.name)
            switch match {
            case .existing(let id):
                groupIDs[index] = id
            case .create, .replace:
                if match == .create { change(address, .create, reason: "not in the instance", after: ["name": group.name]) }
                if case .created(let id) = try steps.add(.createGroup(name: group.name), for: address) { groupIDs[index] = id }
            }
            guard case .replace(let old) = match, let carried = groupCarryOver[old], let id = groupIDs[index] else { continue }
            for company in carried.companies.sorted() where !companyManagesGroups(company) {
                try steps.add(.relateGroups(company: company, groups: [id]), for: address)
            }
        }
    }

    /// Whether a live company's `groups` are declared (then its relations come from the manifests).
    private func companyManagesGroups(_ id: Int) -> Bool {
        zip(desired.companies, companyIDs).contains { $0.1 == id && $0.0.groups != nil }
    }

    /// The replay's id of the group named `name`: a declared group, or a unique live one.
    mutating func groupID(named name: String, for address: Address) throws(PlanError) -> Int? {
        if let index = declaredGroups[name] { return groupIDs[index] }
        let ids = (liveGroups.byName[name] ?? []).map(\.id)
        guard ids.count <= 1 else { throw .ambiguous(address, why: "\(ids.count) live groups are named \"\(name)\"") }
        return ids.first
    }

    /// Group members, against the replay after the company steps and their side effects.
    mutating func planGroupMembers() throws(PlanError) {
        for (group, id) in zip(desired.groups, groupIDs) {
            guard let id else { continue }
            let address = Address(.group, group.name)
            let wanted = group.members.map { declaredMembers(.group, group.name, $0) } ?? carriedOver(id)?.members
            guard let wanted else { continue }
            let current = steps.estate.groups[id]!.members
            // Carried-over members are only re-added: the new group's other members are not ours to remove.
            let removed = group.members == nil ? [] : current.subtracting(wanted).sorted()
            let added = wanted.subtracting(current).sorted()
            if group.members != nil { relationChange(address, "members", added: userNames(added), removed: userNames(removed)) }
            if !removed.isEmpty { try steps.add(.removeMembers(.group(id), users: removed), for: address) }
            if !added.isEmpty { try steps.add(.addMembers(.group(id), users: added), for: address) }
        }
    }

    /// What a new group inherits from the group it replaces.
    func carriedOver(_ newID: Int) -> GroupRelations? {
        guard let index = groupIDs.firstIndex(of: newID) else { return nil }
        let group = desired.groups[index]
        for name in group.previousNames {
            if let old = live.groups.values.first(where: { $0.name == name })?.id, let carried = groupCarryOver[old] {
                return carried
            }
        }
        return nil
    }
}
