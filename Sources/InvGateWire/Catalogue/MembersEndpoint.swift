/// What has members through the API.
public enum MembersEndpoint: Sendable, CaseIterable {
    case company, group, location

    public var endpoint: Endpoint {
        switch self {
        case .company: .companiesUsers
        case .group: .groupsUsers
        case .location: .locationsUsers
        }
    }
}
