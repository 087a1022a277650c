import EstateModel

extension Planner {
    /// User accounts, before any other phase (members, observers and managers may be new users): creates
    /// (managers first, as the resolver ordered them; a manager created later is set once it exists),
    /// updates (a rename is a new username), then disables and enables.
    mutating func planUsers() throws(PlanError) {
        var managersLater: [(user: DesiredState.User, manager: Int)] = []
        for user in desired.users {
            let address = Address(.user, user.username)
            if user.isNew {
                let manager = user.managerID.flatMap { steps.estate.users[$0] == nil ? nil : $0 }
                let fields = UserFields(
                    username: user.username, email: user.email ?? "", name: user.name ?? "", lastname: user.lastname ?? "",
                    attributes: user.attributes.filter { !$0.value.isEmpty }, managerID: manager)
                change(address, .create, reason: "not in the instance", after: Self.shown(fields, manager: manager.map { userName($0) }))
                let result = try steps.add(.createUser(fields, invite: desired.policy.inviteUsers), for: address)
                guard case .created(let id) = result, id == user.id else {
                    throw .inconsistent("\(address) was resolved as user \(user.id), but the replay creates it as \(result)")
                }
                if let wanted = user.managerID, manager == nil { managersLater.append((user, wanted)) }
                if user.disabled == true { try steps.add(.disableUser(id: id), for: address) }
                continue
            }
            guard let current = live.users[user.id] else { continue }
            try update(current, to: user, at: address)
        }
        for (user, manager) in managersLater {
            let address = Address(.user, user.username)
            try steps.add(.updateUser(id: user.id, changes: UserChanges(managerID: manager)), for: address)
        }
    }

    /// One `user` PUT with every declared field that differs, then `user.disable` or `user.enable`.
    private mutating func update(_ current: User, to user: DesiredState.User, at address: Address) throws(PlanError) {
        var changes = UserChanges()
        var before: [String: String] = [:]
        var after: [String: String] = [:]
        func differs(_ key: String, _ old: String, _ new: String?) -> String? {
            guard let new, new != old else { return nil }
            before[key] = old
            after[key] = new
            return new
        }
        changes.username = differs("username", current.username, user.username)
        changes.email = differs("email", current.email, user.email)
        changes.name = differs("name", current.name, user.name)
        changes.lastname = differs("lastname", current.lastname, user.lastname)
        for (attribute, value) in user.attributes.sorted(by: { $0.key < $1.key }) {
            if let value = differs(attribute.rawValue, current.attributes[attribute] ?? "", value) { changes.attributes[attribute] = value }
        }
        // A manager of 0 is none (only undo asks for it).
        if let manager = user.managerID, manager != current.managerID ?? 0 {
            before["manager"] = current.managerID.map { userName($0) } ?? ""
            after["manager"] = manager == 0 ? "" : userName(manager)
            changes.managerID = manager
        }
        // A field that was empty is shown as set; one cleared as `"IT" → ""`.
        before = before.filter { !$0.value.isEmpty }
        if !changes.isEmpty {
            let reason = changes.username.map { _ in "renamed from \"\(current.username)\"" } ?? "attributes differ"
            change(address, .update, reason: reason, before: before, after: after)
            try steps.add(.updateUser(id: current.id, changes: changes), for: address)
        }
        guard let disabled = user.disabled, disabled != current.isDisabled else { return }
        // Disabling is what deskform destroys of a person, enabling what it adds back: counted as such.
        before["username"] = before["username"] ?? current.username
        after["username"] = after["username"] ?? user.username
        if disabled {
            change(address, .delete, reason: "disabled: true; the account is disabled, never deleted", before: before, after: after)
            try steps.add(.disableUser(id: current.id), for: address)
        } else {
            change(address, .create, reason: "disabled: false; the account is enabled again", before: before, after: after)
            try steps.add(.enableUser(id: current.id), for: address)
        }
    }

    /// With `policy.prune` including users: every enabled account that no manifest declares or names (as a
    /// member, an observer or a manager) is disabled, never deleted. Directory (LDAP) accounts and those
    /// `policy.ignore` matches are left alone. Otherwise they are counted as unmanaged.
    mutating func pruneUsers() throws(PlanError) {
        guard fetched.contains(.users) else { return }
        let kept = desired.namedUsers
        for user in live.users.values.sorted(by: { $0.id < $1.id }) where user.isActive && !kept.contains(user.id) {
            let address = Address(.user, user.username)
            guard desired.policy.prune.contains(.users), !desired.policy.leavesAlone(address), !user.source.isDirectory else {
                unmanaged[.users, default: 0] += 1
                continue
            }
            change(
                address, .delete, reason: "not declared, and policy.prune includes users; the account is disabled, never deleted",
                before: ["username": user.username])
            try steps.add(.disableUser(id: user.id), for: address)
        }
    }

    /// A user's username in the replay (a new user's too), for display.
    func userName(_ id: Int) -> String {
        steps.estate.users[id]?.username ?? live.users[id]?.username ?? "#\(id)"
    }

    /// What a plan shows of a new user.
    static func shown(_ fields: UserFields, manager: String?) -> [String: String] {
        var shown = ["username": fields.username, "email": fields.email, "name": fields.name, "lastname": fields.lastname]
        for (attribute, value) in fields.attributes { shown[attribute.rawValue] = value }
        if let manager { shown["manager"] = manager }
        return shown
    }
}

extension DesiredState {
    /// Every user the desired state declares or names: declared users, members, observers and managers.
    /// The prune of users never disables one of them.
    var namedUsers: Set<Int> {
        var named = Set(users.map(\.id)).union(users.compactMap(\.managerID))
        for company in companies { named.formUnion((company.members ?? []).union(company.observers ?? [])) }
        for group in groups { named.formUnion((group.members ?? []).union(group.observers ?? [])) }
        for location in locations { named.formUnion((location.members ?? []).union(location.observers ?? [])) }
        for helpdesk in helpdesks {
            named.formUnion(helpdesk.observers ?? [])
            for level in helpdesk.levels { named.formUnion(level.observers ?? []) }
        }
        return named
    }
}
