/// What to read from the live instance: only the kinds the manifests mention or prune, and only the
/// custom fields they name.
public struct FetchScope: Equatable, Sendable, Codable {
    public var companies: Bool
    public var groups: Bool
    public var locations: Bool
    public var helpdesks: Bool
    public var kbCategories: Bool
    /// Custom fields by label or uid (as text). Their options are read; other fields' are not.
    public var customFields: Set<String>

    public init(
        companies: Bool = false, groups: Bool = false, locations: Bool = false, helpdesks: Bool = false,
        kbCategories: Bool = false, customFields: Set<String> = []
    ) {
        self.companies = companies
        self.groups = groups
        self.locations = locations
        self.helpdesks = helpdesks
        self.kbCategories = kbCategories
        self.customFields = customFields
    }

    /// Everything, every custom field's options included (for `export`).
    public static let everything = FetchScope(
        companies: true, groups: true, locations: true, helpdesks: true, kbCategories: true, customFields: ["*"])

    func includesField(label: String, uid: Int) -> Bool {
        customFields.contains("*") || customFields.contains(label) || customFields.contains(String(uid))
    }
}
