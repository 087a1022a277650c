import EstateModel

extension DesiredState {
    /// A user account the manifests declare, its references resolved: `id` is the live account's, or for
    /// a new one the id the plan's replay hands out when it creates it (new users are created first, in
    /// `users` order, managers before the people they manage). nil fields are left as they are.
    package struct User: Equatable, Sendable {
        package var id: Int
        package var username: String
        /// Not on the instance: the plan creates it.
        package var isNew: Bool
        package var email: String?
        package var name: String?
        package var lastname: String?
        /// The attributes declared; `""` clears one.
        package var attributes: [UserAttribute: String]
        /// 0 asks for no manager (only undo does).
        package var managerID: Int?
        package var disabled: Bool?
        /// The user's side of its memberships, by group and company name and location path; nil unmanaged.
        package var groups: Set<String>?
        package var companies: Set<String>?
        package var locations: Set<[String]>?

        package init(
            id: Int, username: String, isNew: Bool = false, email: String? = nil, name: String? = nil, lastname: String? = nil,
            attributes: [UserAttribute: String] = [:], managerID: Int? = nil, disabled: Bool? = nil, groups: Set<String>? = nil,
            companies: Set<String>? = nil, locations: Set<[String]>? = nil
        ) {
            self.id = id
            self.username = username
            self.isNew = isNew
            self.email = email
            self.name = name
            self.lastname = lastname
            self.attributes = attributes
            self.managerID = managerID
            self.disabled = disabled
            self.groups = groups
            self.companies = companies
            self.locations = locations
        }

        /// The names (paths joined with '/') of the `kind` objects this user lists; nil when unmanaged.
        package func memberships(of kind: MembershipTarget.Kind) -> Set<String>? {
            switch kind {
            case .group: groups
            case .company: companies
            case .location: locations.map { Set($0.map { $0.joined(separator: "/") }) }
            }
        }
    }

    /// Memberships declared from the users' side, for one kind of target: which users list each target
    /// (by name, a location by its path), and which users' lists are authoritative (declared at all).
    /// A pair is wanted when either side lists it; a declared `members` of the target and an authoritative
    /// user list are each a side that can leave it out, and a pair is removed only when every declared
    /// side leaves it out.
    package struct UserMemberships: Equatable, Sendable {
        package var listing: [String: Set<Int>] = [:]
        package var authoritative: Set<Int> = []

        package init(_ users: [User], kind: MembershipTarget.Kind) {
            for user in users {
                guard let names = user.memberships(of: kind) else { continue }
                authoritative.insert(user.id)
                for name in names { listing[name, default: []].insert(user.id) }
            }
        }

        /// The members wanted for the target named `name`: its declared members with the users who list
        /// it; when it declares none, its `current` members less the authoritative users who do not list
        /// it, with those who do. nil when neither side manages it.
        package func wanted(_ name: String, declared: Set<Int>?, current: Set<Int>) -> Set<Int>? {
            let listed = listing[name] ?? []
            if let declared { return declared.union(listed) }
            guard !authoritative.isEmpty else { return nil }
            return current.subtracting(authoritative.subtracting(listed)).union(listed)
        }
    }

    /// The new users numbered as a replay on `live` creates them, in order: ids above every one `live` has.
    /// A new user `live` already has (by username: an apply of this plan created it since it was resolved)
    /// takes the id it has there. Every reference to them follows.
    package func numberingNewUsers(for live: Estate) -> DesiredState {
        var byName: [String: Int] = [:]
        for user in live.users.values where !user.isDeleted { byName[user.username.lowercased()] = user.id }
        var next = max(live.sequences.user, live.users.keys.max() ?? 0)
        var numbered = self
        var ids: [Int: Int] = [:]
        for (index, user) in users.enumerated() where user.isNew {
            if let existing = byName[user.username.lowercased()] {
                ids[user.id] = existing
                numbered.users[index].isNew = false
            } else {
                next += 1
                ids[user.id] = next
            }
        }
        guard ids.contains(where: { $0.key != $0.value }) else { return numbered }
        numbered.mapUsers { ids[$0] ?? $0 }
        return numbered
    }

    /// The users' side of the memberships of `kind`.
    package func userMemberships(_ kind: MembershipTarget.Kind) -> UserMemberships {
        UserMemberships(users, kind: kind)
    }

    /// Every user id of the desired state passed through `transform`.
    mutating func mapUsers(_ transform: (Int) -> Int) {
        func map(_ ids: Set<Int>?) -> Set<Int>? { ids.map { Set($0.map(transform)) } }
        for index in companies.indices {
            companies[index].members = map(companies[index].members)
            companies[index].observers = map(companies[index].observers)
        }
        for index in groups.indices {
            groups[index].members = map(groups[index].members)
            groups[index].observers = map(groups[index].observers)
        }
        for index in locations.indices {
            locations[index].members = map(locations[index].members)
            locations[index].observers = map(locations[index].observers)
        }
        for index in helpdesks.indices {
            helpdesks[index].observers = map(helpdesks[index].observers)
            for level in helpdesks[index].levels.indices {
                helpdesks[index].levels[level].observers = map(helpdesks[index].levels[level].observers)
            }
        }
        for index in users.indices {
            users[index].id = transform(users[index].id)
            users[index].managerID = users[index].managerID.map(transform)
        }
    }
}
