import EstateModel

/// What has members through the API.
public enum MembersEndpoint: Sendable, CaseIterable {
    case company, group, location

    package var endpoint: Endpoint {
        switch self {
        case .company: .companiesUsers
        case .group: .groupsUsers
        case .location: .locationsUsers
        }
    }
}

/// What has members, as the API names it: the one mapping between a ``MembershipTarget`` and its
/// `….users` endpoint, for the calls deskform sends and for the simulator that answers them.
extension MembershipTarget {
    package init(_ kind: MembersEndpoint, id: Int) {
        switch kind {
        case .company: self = .company(id)
        case .group: self = .group(id)
        case .location: self = .location(id)
        }
    }

    package var kind: MembersEndpoint {
        switch self {
        case .company: .company
        case .group: .group
        case .location: .location
        }
    }

    package var id: Int {
        switch self {
        case .company(let id), .group(let id), .location(let id): id
        }
    }
}
