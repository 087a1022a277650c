import EstateModel

/// What has observers, as the API names it: the one mapping from a kind of ``ObservedEntity`` to its
/// `….observers` endpoint, for the calls deskform sends and for the simulator that answers them.
extension ObservedEntity.Kind {
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
