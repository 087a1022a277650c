import EstateModel

extension Planner {
    /// The members wanted for a company, group or location whose `members` the manifests declare: those,
    /// with the users who list it from their side.
    func declaredMembers(_ kind: MembershipTarget.Kind, _ name: String, _ declared: Set<Int>) -> Set<Int> {
        declared.union(userSides[kind]?.listing[name] ?? [])
    }

    /// Memberships the users' side declares in companies, groups or locations whose own `members` are not
    /// declared (or that no manifest declares): a user who lists one joins it, and a user whose list is
    /// declared and leaves it out leaves it. Against the replay, after the kind's own member steps.
    mutating func planUserSideMembers(_ kind: MembershipTarget.Kind) throws(PlanError) {
        guard let sides = userSides[kind], !sides.authoritative.isEmpty else { return }
        let managedByTarget = try targetsDeclaringMembers(kind)
        for (name, id) in try userSideTargets(kind, sides) where !managedByTarget.contains(id) {
            let target = MembershipTarget(kind, id: id)
            let current = steps.estate.members(of: target) ?? []
            guard let wanted = sides.wanted(name, declared: nil, current: current) else { continue }
            let removed = current.subtracting(wanted).sorted()
            let added = wanted.subtracting(current).sorted()
            let address = Self.address(kind, name)
            relationChange(address, "members", added: userNames(added), removed: userNames(removed))
            if !removed.isEmpty { try steps.add(.removeMembers(target, users: removed), for: address) }
            if !added.isEmpty { try steps.add(.addMembers(target, users: added), for: address) }
        }
    }

    /// The targets a user-side list can change, by name (a location by path), in the replay: every one
    /// an authoritative user is in, and every one a user lists.
    private mutating func userSideTargets(_ kind: MembershipTarget.Kind, _ sides: DesiredState.UserMemberships) throws(PlanError) -> [(String, Int)] {
        var found: [Int: String] = [:]
        let estate = steps.estate
        switch kind {
        case .company:
            for company in estate.companies.values where !company.members.isDisjoint(with: sides.authoritative) {
                found[company.id] = company.name
            }
        case .group:
            for group in estate.groups.values where !group.members.isDisjoint(with: sides.authoritative) { found[group.id] = group.name }
        case .location:
            for location in estate.locations.values where !location.members.isDisjoint(with: sides.authoritative) {
                found[location.id] = estate.locationPath(of: location.id).joined(separator: "/")
            }
        }
        for name in sides.listing.keys {
            if let id = try targetID(kind, name) { found[id] = name }
        }
        return found.map { ($0.value, $0.key) }.sorted { $0.1 < $1.1 }
    }

    /// The replay's ids of the targets whose `members` the manifests declare: their own phase settles them.
    private func targetsDeclaringMembers(_ kind: MembershipTarget.Kind) throws(PlanError) -> Set<Int> {
        switch kind {
        case .company: return Set(zip(desired.companies, companyIDs).compactMap { $0.0.members == nil ? nil : $0.1 })
        case .group: return Set(zip(desired.groups, groupIDs).compactMap { $0.0.members == nil ? nil : $0.1 })
        case .location:
            var ids: Set<Int> = []
            for location in desired.locations where !location.absent && location.members != nil {
                if let id = try locationID(at: location.path) { ids.insert(id) }
            }
            return ids
        }
    }

    /// The replay's id of the company, group or location a user lists.
    private mutating func targetID(_ kind: MembershipTarget.Kind, _ name: String) throws(PlanError) -> Int? {
        let address = Self.address(kind, name)
        switch kind {
        case .group:
            return try groupID(named: name, for: address)
        case .company:
            if let index = desired.companies.firstIndex(where: { $0.name == name && !$0.absent }) { return companyIDs[index] }
            let ids = steps.estate.companies.values.filter { $0.name == name }.map(\.id)
            guard ids.count <= 1 else { throw .ambiguous(address, why: "\(ids.count) live companies are named \"\(name)\"") }
            return ids.first
        case .location:
            return try locationID(at: name.split(separator: "/", omittingEmptySubsequences: false).map(String.init))
        }
    }

    static func address(_ kind: MembershipTarget.Kind, _ name: String) -> Address {
        switch kind {
        case .company: Address(.company, name)
        case .group: Address(.group, name)
        case .location: Address(.location, name)
        }
    }
}
