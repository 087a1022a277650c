extension EstateOperation {
    /// The kind of object the operation writes: a member or observer change its company's, group's,
    /// location's or help desk's (a level's: its help desk's), an option its custom field's.
    package var kind: ObjectKind {
        switch self {
        case .createCompany, .updateCompany, .deleteCompany, .relateGroups, .unrelateGroups: .companies
        case .createGroup, .deleteGroup: .groups
        case .createLocation, .deleteLocation: .locations
        case .addMembers(let target, _), .removeMembers(let target, _):
            switch target {
            case .company: .companies
            case .group: .groups
            case .location: .locations
            }
        case .addObservers(let entity, _), .removeObservers(let entity, _):
            switch entity {
            case .company: .companies
            case .group: .groups
            case .location: .locations
            case .helpdesk, .level: .helpdesks
            }
        case .createKBCategory, .updateKBCategory, .deleteKBCategory: .kbCategories
        case .upsertListOptions, .deleteListOptions, .addTreeOption, .updateTreeOption, .deleteTreeOption: .customFields
        case .createUser, .updateUser, .disableUser, .enableUser: .users
        }
    }
}

extension ObjectKind {
    /// The other kinds whose managed state a write to an object of this kind can change, as a side
    /// effect of the API (`Estate.apply`, with the side effects docs/ARCHITECTURE.md lists):
    /// - a company's members join and leave its related groups, and un-relating a group with
    ///   `unlink_users_too` takes the company's users out of it: companies reach groups;
    /// - deleting a group drops it from the companies that relate it: groups reach companies.
    ///
    /// Sublocations, subcategories and child options erased with their parent are of the same kind;
    /// observer groups, which a deleted group stops being, are read-only and not managed. A user's writes
    /// (create, update, disable, enable) change that user only: memberships are written on the other side. This is the one
    /// place the reader learns what else to read before planning (`FetchScope.withSideEffects`); a test
    /// applies every operation to random estates and checks that nothing outside this reach moves.
    package var sideEffects: Set<ObjectKind> {
        switch self {
        case .companies: [.groups]
        case .groups: [.companies]
        case .locations, .helpdesks, .kbCategories, .customFields, .users: []
        }
    }
}
