import EstateModel

extension Convergence {
    /// Each declared user as the manifests want it in the replay, and each authoritative user-side list
    /// of memberships: in exactly the targets it lists and those whose declared `members` name the user.
    static func userMismatches(desired: DesiredState, replayed estate: Estate) -> [String] {
        var found: [String] = []
        for user in desired.users {
            let address = Address(.user, user.username)
            guard let actual = estate.users[user.id], !actual.isDeleted else {
                found.append("\(address) would not exist")
                continue
            }
            func check(_ field: String, _ wanted: String?, _ value: String) {
                if let wanted, wanted != value { found.append("\(address) \(field) would be \"\(value)\", not \"\(wanted)\"") }
            }
            check("username", user.username, actual.username)
            check("email", user.email, actual.email)
            check("name", user.name, actual.name)
            check("lastname", user.lastname, actual.lastname)
            for (attribute, wanted) in user.attributes { check(attribute.rawValue, wanted, actual.attributes[attribute] ?? "") }
            if let manager = user.managerID, manager != actual.managerID ?? 0 { found.append("\(address) would not have manager #\(manager)") }
            if let disabled = user.disabled, disabled != actual.isDisabled {
                found.append("\(address) would \(disabled ? "stay enabled" : "stay disabled")")
            }
            for kind in MembershipTarget.Kind.allCases {
                guard let listed = user.memberships(of: kind) else { continue }
                let wanted = listed.union(declaredTargets(kind, containing: user.id, in: desired))
                let actual = targets(kind, containing: user.id, in: estate)
                if wanted != actual {
                    found.append("\(address) \(kind)s would be \(actual.sorted()), not \(wanted.sorted())")
                }
            }
        }
        return found
    }

    /// The names (paths) of the targets whose declared `members` include `user`.
    private static func declaredTargets(_ kind: MembershipTarget.Kind, containing user: Int, in desired: DesiredState) -> Set<String> {
        switch kind {
        case .company: Set(desired.companies.filter { !$0.absent && $0.members?.contains(user) == true }.map(\.name))
        case .group: Set(desired.groups.filter { !$0.absent && $0.members?.contains(user) == true }.map(\.name))
        case .location:
            Set(desired.locations.filter { !$0.absent && $0.members?.contains(user) == true }.map { $0.path.joined(separator: "/") })
        }
    }

    /// The names (paths) of the targets `user` is a member of in `estate`.
    private static func targets(_ kind: MembershipTarget.Kind, containing user: Int, in estate: Estate) -> Set<String> {
        switch kind {
        case .company: Set(estate.companies.values.filter { $0.members.contains(user) }.map(\.name))
        case .group: Set(estate.groups.values.filter { $0.members.contains(user) }.map(\.name))
        case .location:
            Set(estate.locations.values.filter { $0.members.contains(user) }.map { estate.locationPath(of: $0.id).joined(separator: "/") })
        }
    }
}
