import EstateModel

/// Rewriting a plan's provisional ids (and tree option hashes) with the ones the API handed out.
extension EstateOperation {
    /// The provisional objects among `provisional` that this operation mentions.
    package func provisionalReferences(among provisional: Set<ProvisionalObject>) -> Set<ProvisionalObject> {
        var found: Set<ProvisionalObject> = []
        _ = rewriting { object in
            if provisional.contains(object) { found.insert(object) }
            return object
        }
        return found
    }

    /// This operation with every object reference passed through `transform`: ids of companies,
    /// groups, locations and KB categories (parents included; `0`, the root, is left alone) and
    /// tree option hashes, and users (members, observers, managers). Help desks, levels and custom fields are
    /// never created by a plan.
    package func rewriting(_ transform: (ProvisionalObject) -> ProvisionalObject) -> EstateOperation {
        func company(_ id: Int) -> Int {
            if case .company(let real) = transform(.company(id)) { return real }
            return id
        }
        func group(_ id: Int) -> Int {
            if case .group(let real) = transform(.group(id)) { return real }
            return id
        }
        func location(_ id: Int) -> Int {
            if case .location(let real) = transform(.location(id)) { return real }
            return id
        }
        func kbCategory(_ id: Int) -> Int {
            if case .kbCategory(let real) = transform(.kbCategory(id)) { return real }
            return id
        }
        func user(_ id: Int) -> Int {
            if case .user(let real) = transform(.user(id)) { return real }
            return id
        }
        func parent(_ id: Int?, _ map: (Int) -> Int) -> Int? {
            id.map { $0 == 0 ? 0 : map($0) }
        }
        func hash(_ field: Int, _ hash: String) -> String {
            if case .treeOption(_, let real) = transform(.treeOption(field: field, hash: hash)) { return real }
            return hash
        }
        func target(_ target: MembershipTarget) -> MembershipTarget {
            switch target {
            case .company(let id): .company(company(id))
            case .group(let id): .group(group(id))
            case .location(let id): .location(location(id))
            }
        }
        func entity(_ entity: ObservedEntity) -> ObservedEntity {
            switch entity {
            case .company(let id): .company(company(id))
            case .group(let id): .group(group(id))
            case .location(let id): .location(location(id))
            case .helpdesk, .level: entity
            }
        }

        switch self {
        case .createCompany, .createGroup, .upsertListOptions, .deleteListOptions:
            return self
        case .updateCompany(let id, let name, let externalID):
            return .updateCompany(id: company(id), name: name, externalID: externalID)
        case .deleteCompany(let id):
            return .deleteCompany(id: company(id))
        case .relateGroups(let id, let groups):
            return .relateGroups(company: company(id), groups: groups.map(group))
        case .unrelateGroups(let id, let groups, let unlinkUsers):
            return .unrelateGroups(company: company(id), groups: groups.map(group), unlinkUsers: unlinkUsers)
        case .deleteGroup(let id):
            return .deleteGroup(id: group(id))
        case .createLocation(let name, let parentID):
            return .createLocation(name: name, parentID: parent(parentID, location))
        case .deleteLocation(let id):
            return .deleteLocation(id: location(id))
        case .addMembers(let on, let users):
            return .addMembers(target(on), users: users.map(user))
        case .removeMembers(let on, let users):
            return .removeMembers(target(on), users: users.map(user))
        case .addObservers(let on, let users):
            return .addObservers(entity(on), users: users.map(user))
        case .removeObservers(let on, let users):
            return .removeObservers(entity(on), users: users.map(user))
        case .createKBCategory(let name, let parentID):
            return .createKBCategory(name: name, parentID: parent(parentID, kbCategory))
        case .updateKBCategory(let id, let name, let parentID):
            return .updateKBCategory(id: kbCategory(id), name: name, parentID: parent(parentID, kbCategory))
        case .deleteKBCategory(let id):
            return .deleteKBCategory(id: kbCategory(id))
        case .addTreeOption(let field, let name, let key, let parentHash):
            return .addTreeOption(field: field, name: name, key: key, parentHash: parentHash.map { hash(field, $0) })
        case .updateTreeOption(let field, let option, let name, let key):
            return .updateTreeOption(field: field, hash: hash(field, option), name: name, key: key)
        case .deleteTreeOption(let field, let option):
            return .deleteTreeOption(field: field, hash: hash(field, option))
        case .createUser(var fields, let invite):
            fields.managerID = parent(fields.managerID, user)
            return .createUser(fields, invite: invite)
        case .updateUser(let id, var changes):
            changes.managerID = parent(changes.managerID, user)
            return .updateUser(id: user(id), changes: changes)
        case .disableUser(let id):
            return .disableUser(id: user(id))
        case .enableUser(let id):
            return .enableUser(id: user(id))
        }
    }
}
