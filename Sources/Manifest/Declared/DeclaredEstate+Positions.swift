extension DeclaredEstate {
    /// The same estate with every position set to `.unknown`: for comparing what two sets of
    /// manifests declare, wherever they declare it (`a.withoutPositions() == b.withoutPositions()`).
    package func withoutPositions() -> DeclaredEstate {
        DeclaredEstate(
            companies: companies.map { company in
                var company = company
                company.position = .unknown
                company.externalID = company.externalID.map(Self.strip)
                company.previousNames = company.previousNames.map(Self.strip)
                company.groups = company.groups?.map(Self.strip)
                company.members = company.members.map(Self.strip)
                company.observers = company.observers.map(Self.strip)
                return company
            },
            groups: groups.map { group in
                var group = group
                group.position = .unknown
                group.previousNames = group.previousNames.map(Self.strip)
                group.members = group.members.map(Self.strip)
                group.observers = group.observers.map(Self.strip)
                return group
            },
            locations: locations.map(Self.strip),
            helpDesks: helpDesks.map { desk in
                var desk = desk
                desk.position = .unknown
                desk.observers = desk.observers.map(Self.strip)
                desk.levels = desk.levels.map { level in
                    var level = level
                    level.position = .unknown
                    level.observers = level.observers.map(Self.strip)
                    return level
                }
                return desk
            },
            kbCategories: kbCategories.map(Self.strip),
            customFields: customFields.map { field in
                var field = field
                field.position = .unknown
                field.options = field.options?.map { option in
                    var option = option
                    option.position = .unknown
                    return option
                }
                field.tree = field.tree?.map(Self.strip)
                return field
            },
            users: users.map { user in
                var user = user
                user.position = .unknown
                user.email = user.email.map(Self.strip)
                user.name = user.name.map(Self.strip)
                user.lastname = user.lastname.map(Self.strip)
                user.attributes = user.attributes.mapValues(Self.strip)
                user.manager = user.manager.map { UserReference($0.key) }
                user.disabled = user.disabled.map(Self.strip)
                user.groups = user.groups?.map(Self.strip)
                user.companies = user.companies?.map(Self.strip)
                user.locations = user.locations?.map(Self.strip)
                user.previousUsernames = user.previousUsernames.map(Self.strip)
                return user
            },
            policy: Policy(
                prune: policy.prune.map(Self.strip), ignore: policy.ignore.map(Self.strip),
                maxDeletes: policy.maxDeletes.map(Self.strip), inviteUsers: policy.inviteUsers.map(Self.strip))
        )
    }

    static func strip<Value>(_ value: Located<Value>) -> Located<Value> { Located(value.value) }

    static func strip(_ users: [UserReference]) -> [UserReference] { users.map { UserReference($0.key) } }

    static func strip(_ location: DeclaredLocation) -> DeclaredLocation {
        var location = location
        location.position = .unknown
        location.previousNames = location.previousNames.map(strip)
        location.members = location.members.map(strip)
        location.observers = location.observers.map(strip)
        location.children = location.children.map(strip)
        return location
    }

    static func strip(_ category: DeclaredKBCategory) -> DeclaredKBCategory {
        var category = category
        category.position = .unknown
        category.previousNames = category.previousNames.map(strip)
        category.children = category.children.map(strip)
        return category
    }

    static func strip(_ option: DeclaredTreeOption) -> DeclaredTreeOption {
        var option = option
        option.position = .unknown
        option.key = option.key.map(strip)
        option.children = option.children.map(strip)
        return option
    }
}
