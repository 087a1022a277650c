import EstateModel
import Manifest
import Planner

/// The `users:` section: each declared user matched to a live account (by username, else by a previous
/// username: a rename) or created; new users get the ids the plan's replay will hand out, managers first,
/// so that every other reference (members, observers, managers) can name them.
extension ReferenceResolver {
    /// A declared user and the account it is.
    struct MatchedUser {
        var declared: DeclaredUser
        var id: Int
        var isNew: Bool
    }

    /// Matches every declared user, then registers new users' and new usernames and emails, so that
    /// references resolve to them.
    mutating func matchUsers(_ declared: [DeclaredUser]) -> [MatchedUser] {
        var existing: [MatchedUser] = []
        var new: [DeclaredUser] = []
        for user in declared {
            if let id = match(user) {
                existing.append(MatchedUser(declared: user, id: id, isNew: false))
            } else if checkCreatable(user) {
                new.append(user)
            }
        }
        var next = max(live.sequences.user, live.users.keys.max() ?? 0)
        var matched: [MatchedUser] = []
        for user in Self.managersFirst(new) {
            next += 1
            matched.append(MatchedUser(declared: user, id: next, isNew: true))
        }
        for user in matched + existing {
            usersByName[user.declared.username.lowercased()] = [user.id]
            if let email = user.declared.email?.value.lowercased() { usersByEmail[email] = [user.id] }
        }
        return matched + existing
    }

    /// The live account a declared user is: by username, else by a previous username. nil when there is
    /// none (or the reference is ambiguous, reported).
    private mutating func match(_ user: DeclaredUser) -> Int? {
        for (name, position) in [(user.username, user.position)] + user.previousUsernames.map({ ($0.value, $0.position) }) {
            let ids = usersByName[name.lowercased()] ?? []
            if ids.count > 1 {
                diagnostics.append(
                    .error(
                        at: position,
                        "user '\(name)' is ambiguous: users \(ids.map(String.init).joined(separator: ", ")) have usernames equal but for case",
                        hint: "the instance compares usernames ignoring case; rename one of them on the instance"))
                return nil
            }
            if let id = ids.first { return id }
        }
        return nil
    }

    /// A user to create needs an email, a name and a last name, and an email no other account has.
    private mutating func checkCreatable(_ user: DeclaredUser) -> Bool {
        let missing = [("email", user.email), ("name", user.name), ("lastname", user.lastname)].filter { $0.1 == nil }.map(\.0)
        if !missing.isEmpty {
            let previous = user.previousUsernames.isEmpty ? "" : " (nor under a previous username)"
            diagnostics.append(
                .error(
                    at: user.position, "user '\(user.username)' is not on the instance\(previous), and creating it needs \(missing.joined(separator: ", "))",
                    hint: "declare \(missing.map { "'\($0)'" }.joined(separator: ", ")), or write the username the account has"))
            return false
        }
        if let email = user.email, let taken = usersByEmail[email.value.lowercased()]?.first, let other = live.users[taken] {
            diagnostics.append(
                .error(
                    at: email.position, "email '\(email.value)' is already the email of user '\(other.username)' (id \(taken))",
                    hint: "to manage that account, write 'username: \(other.username)'; else choose another email"))
            return false
        }
        return true
    }

    /// New users in an order where a manager who is also new comes before the people they manage (a cycle
    /// is broken where it closes: that manager is set after both exist).
    static func managersFirst(_ users: [DeclaredUser]) -> [DeclaredUser] {
        var index: [String: Int] = [:]
        for (position, user) in users.enumerated() {
            index["u:" + user.username.lowercased()] = position
            if let email = user.email { index["e:" + email.value.lowercased()] = position }
        }
        var ordered: [DeclaredUser] = []
        var state = [Int: Bool]()  // false: being visited; true: done
        func visit(_ position: Int) {
            guard state[position] == nil else { return }
            state[position] = false
            if let manager = users[position].manager, let other = index[manager.key.identity] { visit(other) }
            state[position] = true
            ordered.append(users[position])
        }
        for position in users.indices { visit(position) }
        return ordered
    }

    /// The desired users: new ones first, in creation order, then existing ones as declared. A directory
    /// (LDAP) account's fields and `disabled` are the directory's: a change to one is an error at its place.
    mutating func resolveUsers(_ users: [MatchedUser], manifest: DeclaredEstate, groups: GroupNames) -> [DesiredState.User] {
        let companies = Set(manifest.companies.filter { !$0.absent }.map(\.name)).union(live.companies.values.map(\.name))
        var locations = Set(live.locations.keys.map { live.locationPath(of: $0).joined(separator: "/") })
        func declare(_ nodes: [DeclaredLocation], _ path: [String]) {
            for node in nodes where !node.absent {
                locations.insert((path + [node.name]).joined(separator: "/"))
                declare(node.children, path + [node.name])
            }
        }
        declare(manifest.locations, [])
        var resolved: [DesiredState.User] = []
        for matched in users {
            let user = matched.declared
            var manager: Int?
            if let reference = user.manager {
                manager = self.user(reference)
                if manager == matched.id {
                    diagnostics.append(.error(at: reference.position, "user '\(user.username)' cannot be their own manager"))
                    manager = nil
                }
            }
            if !matched.isNew, let current = live.users[matched.id], current.source.isDirectory {
                checkDirectory(user, current, manager: manager)
            }
            resolved.append(
                DesiredState.User(
                    id: matched.id, username: user.username, isNew: matched.isNew, email: user.email?.value, name: user.name?.value,
                    lastname: user.lastname?.value, attributes: user.attributes.mapValues(\.value), managerID: manager,
                    disabled: user.disabled?.value,
                    groups: user.groups.map { Set(known($0, among: groups.declared.union(groups.live), kind: "group")) },
                    companies: user.companies.map { Set(known($0, among: companies, kind: "company")) },
                    locations: user.locations.map { Set(known($0, among: locations, kind: "location").map { $0.split(separator: "/").map(String.init) }) }))
        }
        return resolved
    }

    /// Names a user lists that are declared or on the instance; each other one is an error at its place.
    private mutating func known(_ names: [Located<String>], among known: Set<String>, kind: String) -> [String] {
        var found: [String] = []
        for name in names {
            if known.contains(name.value) {
                found.append(name.value)
            } else {
                diagnostics.append(
                    .error(
                        at: name.position, "unknown \(kind) '\(name.value)': it is neither declared nor in the instance",
                        hint: Suggestion.didYouMean(name.value, among: known.sorted())))
            }
        }
        return found
    }

    /// Every field of a directory account the manifests would change: an error at the field.
    private mutating func checkDirectory(_ user: DeclaredUser, _ current: User, manager: Int?) {
        var changed: [(String, SourceLocation)] = []
        if user.username.lowercased() != current.username.lowercased() { changed.append(("username", user.position)) }
        for (field, value, now) in [("email", user.email, current.email), ("name", user.name, current.name), ("lastname", user.lastname, current.lastname)] {
            if let value, value.value != now { changed.append((field, value.position)) }
        }
        for (attribute, value) in user.attributes.sorted(by: { $0.key < $1.key }) where value.value != current.attributes[attribute] ?? "" {
            changed.append((attribute.rawValue, value.position))
        }
        if let manager, manager != current.managerID, let reference = user.manager { changed.append(("manager", reference.position)) }
        if let disabled = user.disabled, disabled.value != current.isDisabled { changed.append(("disabled", disabled.position)) }
        for (field, position) in changed {
            diagnostics.append(
                .error(
                    at: position, "user '\(current.username)' is synchronised from a directory (LDAP), so its '\(field)' is the directory's",
                    hint: "change it in the directory, or write the value the instance has; its groups, companies and locations can be managed here"))
        }
    }
}
