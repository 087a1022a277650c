extension Estate {
    /// Adds users to a company, group or location. A user added to a company also joins every
    /// group related to that company. Answers `true` per user: the relation exists afterwards.
    mutating func addMembers(_ userIDs: [Int], to target: MembershipTarget) -> [Int: Bool] {
        switch target {
        case .company(let id):
            companies[id]!.members.formUnion(userIDs)
            for group in companies[id]!.groups { groups[group]?.members.formUnion(userIDs) }
        case .group(let id):
            groups[id]!.members.formUnion(userIDs)
        case .location(let id):
            locations[id]!.members.formUnion(userIDs)
        }
        return Dictionary(userIDs.map { ($0, true) }, uniquingKeysWith: { first, _ in first })
    }

    /// Removes users from a company, group or location. A user removed from a company also
    /// leaves every group related to that company.
    mutating func removeMembers(_ userIDs: [Int], from target: MembershipTarget) -> [Int: Bool] {
        switch target {
        case .company(let id):
            companies[id]!.members.subtract(userIDs)
            for group in companies[id]!.groups { groups[group]?.members.subtract(userIDs) }
        case .group(let id):
            groups[id]!.members.subtract(userIDs)
        case .location(let id):
            locations[id]!.members.subtract(userIDs)
        }
        return Dictionary(userIDs.map { ($0, true) }, uniquingKeysWith: { first, _ in first })
    }

    /// Runs `change` on the observer set of `entity` (which must exist) and returns its answer.
    mutating func updateObservers(of entity: ObservedEntity, _ change: (inout Set<Int>) -> Bool) -> Bool {
        switch entity {
        case .company(let id): change(&companies[id]!.observers)
        case .group(let id): change(&groups[id]!.observers)
        case .location(let id): change(&locations[id]!.observers)
        case .helpdesk(let id): change(&helpdesks[id]!.observers)
        case .level(let id): change(&levels[id]!.observers)
        }
    }

    /// The observers of `entity`, nil when it does not exist.
    package func observers(of entity: ObservedEntity) -> Set<Int>? {
        switch entity {
        case .company(let id): companies[id]?.observers
        case .group(let id): groups[id]?.observers
        case .location(let id): locations[id]?.observers
        case .helpdesk(let id): helpdesks[id]?.observers
        case .level(let id): levels[id]?.observers
        }
    }

    /// The members of `target`, nil when it does not exist.
    package func members(of target: MembershipTarget) -> Set<Int>? {
        switch target {
        case .company(let id): companies[id]?.members
        case .group(let id): groups[id]?.members
        case .location(let id): locations[id]?.members
        }
    }

    /// A deleted group stops observing anything.
    mutating func dropObserverGroup(_ id: Int) {
        for key in companies.keys { companies[key]!.observerGroups.remove(id) }
        for key in groups.keys { groups[key]!.observerGroups.remove(id) }
        for key in locations.keys { locations[key]!.observerGroups.remove(id) }
        for key in helpdesks.keys { helpdesks[key]!.observerGroups.remove(id) }
        for key in levels.keys { levels[key]!.observerGroups.remove(id) }
    }
}
