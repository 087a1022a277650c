extension EstateChecks {
    /// Each username and email declared once (the instance compares them case-insensitively); previous
    /// usernames checked as previous names are; a user's groups that look like a typo of a declared group.
    mutating func users() {
        unique(estate.users, key: { $0.username.lowercased() }, location: \.position, what: { "user '\($0.username)'" })
        unique(
            estate.users.compactMap(\.email), key: { $0.value.lowercased() }, location: \.position,
            what: { "the email '\($0.value)'" })
        previousNames(
            estate.users.map { Renamable($0.username.lowercased(), previous: $0.previousUsernames.map { ($0, $0.value.lowercased()) }) },
            declared: declarations(estate.users.map { ($0.username.lowercased(), $0.position, false) }), kind: "user")
        let groups = GroupIndex(estate.groups)
        for user in estate.users {
            for group in user.groups ?? [] { groupReference(group, groups) }
        }
    }
}
