import EstateModel

/// Everything the manifests declare, merged across files and documents, in file order (files sorted by
/// path). Produced by `ManifestLoader`; consumed by the planner, which resolves names and users against
/// the live instance.
package struct DeclaredEstate: Hashable, Sendable {
    package var companies: [DeclaredCompany]
    package var groups: [DeclaredGroup]
    /// Root locations, each with its sublocations.
    package var locations: [DeclaredLocation]
    package var helpDesks: [DeclaredHelpDesk]
    /// Root KB categories, each with its subcategories.
    package var kbCategories: [DeclaredKBCategory]
    package var customFields: [DeclaredCustomField]
    package var users: [DeclaredUser]
    package var policy: Policy

    package init(
        companies: [DeclaredCompany] = [], groups: [DeclaredGroup] = [], locations: [DeclaredLocation] = [],
        helpDesks: [DeclaredHelpDesk] = [], kbCategories: [DeclaredKBCategory] = [],
        customFields: [DeclaredCustomField] = [], users: [DeclaredUser] = [], policy: Policy = Policy()
    ) {
        self.companies = companies
        self.groups = groups
        self.locations = locations
        self.helpDesks = helpDesks
        self.kbCategories = kbCategories
        self.customFields = customFields
        self.users = users
        self.policy = policy
    }

    /// Number of declared objects: companies, groups, locations and KB categories (at every depth),
    /// help desks, levels, custom fields and their options, users.
    package var objectCount: Int {
        func locationCount(_ nodes: [DeclaredLocation]) -> Int { nodes.reduce(nodes.count) { $0 + locationCount($1.children) } }
        func categoryCount(_ nodes: [DeclaredKBCategory]) -> Int { nodes.reduce(nodes.count) { $0 + categoryCount($1.children) } }
        func treeCount(_ nodes: [DeclaredTreeOption]) -> Int { nodes.reduce(nodes.count) { $0 + treeCount($1.children) } }
        return companies.count + groups.count + locationCount(locations)
            + helpDesks.reduce(helpDesks.count) { $0 + $1.levels.count }
            + categoryCount(kbCategories)
            + customFields.reduce(customFields.count) { $0 + ($1.options?.count ?? 0) + treeCount($1.tree ?? []) }
            + users.count
    }

    /// Whether the manifests declare any object of `kind`.
    package func declares(_ kind: ObjectKind) -> Bool {
        switch kind {
        case .companies: !companies.isEmpty
        case .groups: !groups.isEmpty
        case .locations: !locations.isEmpty
        case .helpdesks: !helpDesks.isEmpty
        case .kbCategories: !kbCategories.isEmpty
        case .customFields: !customFields.isEmpty
        case .users: !users.isEmpty
        }
    }

    /// These declarations without those of `kind`.
    package func removingDeclarations(of kind: ObjectKind) -> DeclaredEstate {
        var kept = self
        switch kind {
        case .companies: kept.companies = []
        case .groups: kept.groups = []
        case .locations: kept.locations = []
        case .helpdesks: kept.helpDesks = []
        case .kbCategories: kept.kbCategories = []
        case .customFields: kept.customFields = []
        case .users: kept.users = []
        }
        return kept
    }
}
