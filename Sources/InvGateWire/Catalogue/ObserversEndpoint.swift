/// What has observers through the API.
public enum ObserversEndpoint: Sendable, CaseIterable {
    case company, group, location, helpdesk, level

    public var endpoint: Endpoint {
        switch self {
        case .company: .companiesObservers
        case .group: .groupsObservers
        case .location: .locationsObservers
        case .helpdesk: .helpdesksObservers
        case .level: .levelsObservers
        }
    }
}
