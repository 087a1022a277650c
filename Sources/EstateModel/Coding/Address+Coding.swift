extension ObjectKind {
    /// The kind in a file, as `policy.prune` names it.
    package var word: String {
        switch self {
        case .companies: "companies"
        case .groups: "groups"
        case .locations: "locations"
        case .helpdesks: "helpdesks"
        case .kbCategories: "kb_categories"
        case .customFields: "custom_fields"
        case .users: "users"
        }
    }

    package init?(word: String) {
        guard let kind = Self.allCases.first(where: { $0.word == word }) else { return nil }
        self = kind
    }
}

/// `{"kind": "location", "name": "Madrid/Floor 2"}`.
extension Address: Codable {
    package init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: FileKey.self)
        let word: String = try fields("kind")
        guard let kind = Kind.allCases.first(where: { $0.word == word }) else {
            throw DecodingError.dataCorruptedError(forKey: "kind", in: fields, debugDescription: "\"\(word)\" is not a kind of address")
        }
        self.init(kind, try fields("name"))
    }

    package func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: FileKey.self)
        try fields.encode(kind.word, forKey: "kind")
        try fields.encode(name, forKey: "name")
    }
}

extension Address.Kind {
    /// The kind in a file: as the plan prints an address (`kb_category["IT"]`).
    var word: String {
        switch self {
        case .company: "company"
        case .group: "group"
        case .location: "location"
        case .helpdesk: "helpdesk"
        case .level: "level"
        case .kbCategory: "kb_category"
        case .customField: "custom_field"
        case .option: "option"
        case .user: "user"
        }
    }
}
