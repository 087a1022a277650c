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
