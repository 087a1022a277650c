import EstateModel

/// What has observers through the API.
public enum ObserversEndpoint: Sendable, CaseIterable {
    case company, group, location, helpdesk, level

    package var endpoint: Endpoint {
        switch self {
        case .company: .companiesObservers
        case .group: .groupsObservers
        case .location: .locationsObservers
        case .helpdesk: .helpdesksObservers
        case .level: .levelsObservers
        }
    }
}

/// What has observers, as the API names it: the one mapping between an ``ObservedEntity`` and its
/// `….observers` endpoint, for the calls deskform sends and for the simulator that answers them.
extension ObservedEntity {
    package init(_ kind: ObserversEndpoint, id: Int) {
        switch kind {
        case .company: self = .company(id)
        case .group: self = .group(id)
        case .location: self = .location(id)
        case .helpdesk: self = .helpdesk(id)
        case .level: self = .level(id)
        }
    }

    package var kind: ObserversEndpoint {
        switch self {
        case .company: .company
        case .group: .group
        case .location: .location
        case .helpdesk: .helpdesk
        case .level: .level
        }
    }

    package var id: Int {
        switch self {
        case .company(let id), .group(let id), .location(let id), .helpdesk(let id), .level(let id): id
        }
    }
}
