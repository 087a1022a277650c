import EstateModel

/// What a relation write asks for: which relation, which ids, added or removed.
struct RelationChangeCheck {
    enum Kind {
        case members(MembershipTarget)
        case observers(ObservedEntity)
        case groups(company: Int)
    }

    var kind: Kind
    var ids: [Int]
    var adds: Bool

    init?(_ operation: EstateOperation) {
        switch operation {
        case .addMembers(let target, let users): (kind, ids, adds) = (.members(target), users, true)
        case .removeMembers(let target, let users): (kind, ids, adds) = (.members(target), users, false)
        case .addObservers(let entity, let users): (kind, ids, adds) = (.observers(entity), users, true)
        case .removeObservers(let entity, let users): (kind, ids, adds) = (.observers(entity), users, false)
        case .relateGroups(let company, let groups): (kind, ids, adds) = (.groups(company: company), groups, true)
        case .unrelateGroups(let company, let groups, _): (kind, ids, adds) = (.groups(company: company), groups, false)
        default: return nil
        }
    }
}
