/// Everything the manifests declare, merged across files and documents, in file order (files sorted by
/// path). Produced by `ManifestLoader`; consumed by the planner, which resolves names and users against
/// the live instance.
public struct DesiredEstate: Hashable, Sendable {
    public var companies: [DesiredCompany]
    public var groups: [DesiredGroup]
    /// Root locations, each with its sublocations.
    public var locations: [DesiredLocation]
    public var helpDesks: [DesiredHelpDesk]
    /// Root KB categories, each with its subcategories.
    public var kbCategories: [DesiredKBCategory]
    public var customFields: [DesiredCustomField]
    public var policy: Policy

    public init(
        companies: [DesiredCompany] = [], groups: [DesiredGroup] = [], locations: [DesiredLocation] = [],
        helpDesks: [DesiredHelpDesk] = [], kbCategories: [DesiredKBCategory] = [],
        customFields: [DesiredCustomField] = [], policy: Policy = Policy()
    ) {
        self.companies = companies
        self.groups = groups
        self.locations = locations
        self.helpDesks = helpDesks
        self.kbCategories = kbCategories
        self.customFields = customFields
        self.policy = policy
    }

    /// Number of declared objects: companies, groups, locations and KB categories (at every depth),
    /// help desks, levels, custom fields and their options.
    public var objectCount: Int {
        func locationCount(_ nodes: [DesiredLocation]) -> Int { nodes.reduce(nodes.count) { $0 + locationCount($1.children) } }
        func categoryCount(_ nodes: [DesiredKBCategory]) -> Int { nodes.reduce(nodes.count) { $0 + categoryCount($1.children) } }
        func treeCount(_ nodes: [DesiredTreeOption]) -> Int { nodes.reduce(nodes.count) { $0 + treeCount($1.children) } }
        return companies.count + groups.count + locationCount(locations)
            + helpDesks.reduce(helpDesks.count) { $0 + $1.levels.count }
            + categoryCount(kbCategories)
            + customFields.reduce(customFields.count) { $0 + ($1.options?.count ?? 0) + treeCount($1.tree ?? []) }
    }
}
