import EstateModel

extension ObjectKind {
    /// Every endpoint the reader GETs for this kind: its list, its relations and the per-object calls
    /// (`users` are read for every kind). What `doctor` probes, and what an OAuth client needs read
    /// scopes for; a test checks that the reader GETs exactly these.
    package var readEndpoints: [Endpoint] {
        switch self {
        // A company's groups are named: the group list is read with them.
        case .companies: [.companies, .companiesObservers, .companiesGroups, .companiesUsers, .groups, .usersGroups]
        case .groups: [.groups, .groupsObservers, .groupsUsers, .usersGroups]
        case .locations: [.locations, .locationsObservers, .locationsUsers, .usersGroups]
        case .helpdesks: [.helpdesks, .helpdesksAndLevels, .helpdesksObservers, .levelsObservers]
        case .kbCategories: [.kbCategories]
        case .customFields: [.customFieldsAll, .customFieldTypes, .customFieldListOptions, .customFieldTreeOptions]
        // Every user is read for every kind.
        case .users: []
        }
    }
}

extension Endpoint {
    /// A GET about no object in particular: each required parameter of the catalogue's GET set to id 0
    /// (`id=0`, `uid=0`, `ids[]=0`), so that asking tests only the permission.
    package var probeParameters: FormParameters {
        var parameters: FormParameters = [:]
        for parameter in Catalogue.operation(self, .get)?.parameters ?? [] where parameter.isRequired {
            parameters[parameter.name] = parameter.kind == .array ? .array(["0"]) : .integer(0)
        }
        return parameters
    }
}
