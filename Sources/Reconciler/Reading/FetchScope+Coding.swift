import EstateModel

/// What a saved plan read, as its file holds it: a flag per kind, and the custom fields by label or uid.
extension FetchScope: Codable {
    package init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: FileKey.self)
        companies = try fields("companies")
        groups = try fields("groups")
        locations = try fields("locations")
        helpdesks = try fields("helpdesks")
        kbCategories = try fields("kb_categories")
        customFields = Set(try fields("custom_fields") as [String])
    }

    package func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: FileKey.self)
        try fields.encode(companies, forKey: "companies")
        try fields.encode(groups, forKey: "groups")
        try fields.encode(locations, forKey: "locations")
        try fields.encode(helpdesks, forKey: "helpdesks")
        try fields.encode(kbCategories, forKey: "kb_categories")
        try fields.encode(customFields.sorted(), forKey: "custom_fields")
    }
}
