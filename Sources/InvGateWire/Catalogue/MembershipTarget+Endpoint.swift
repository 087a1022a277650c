import EstateModel

/// What has members, as the API names it: the one mapping from a kind of ``MembershipTarget`` to its
/// `….users` endpoint, for the calls deskform sends and for the simulator that answers them.
extension MembershipTarget.Kind {
    package var endpoint: Endpoint {
        switch self {
        case .company: .companiesUsers
        case .group: .groupsUsers
        case .location: .locationsUsers
        }
    }
}
