/// The YAML seed format: a small, readable fixture of an instance's data. Every section is
/// optional; ids are given explicitly so that manifests and tests can refer to them.
///
/// ```yaml
/// version: "7.5.0"
/// users:
///   - {id: 1, username: alice, email: alice@acme.example, name: Alice, lastname: Smith}
///   - {id: 2, username: oscar, email: oscar@acme.example, disabled: true, agent: true}
///   - {id: 3, username: dana, email: dana@acme.example, ldap: true}     # also `deleted: true`
/// helpdesks:
///   - id: 1
///     name: Service Desk
///     members: [1]
///     levels:
///       - {id: 3, name: Level 1, order: 1, members: [1]}
/// request_categories:
///   - {id: 1, name: Hardware}
/// custom_fields:
///   - {uid: 1, label: Department, type: 104, categories: [1], options: {sales: Sales, it: IT}}
///   - uid: 2
///     label: Office
///     type: 105
///     tree:
///       - {name: Europe, key: eu, children: [{name: Madrid, key: mad}]}
/// companies:
///   - {id: 1, name: Acme, external_id: ACME-1, members: [1], groups: [1], observers: [2]}
/// groups:
///   - {id: 1, name: Acme IT, members: [1], observers: [2]}
/// locations:
///   - {id: 1, name: Madrid, members: [1]}
///   - {id: 2, name: Floor 2, parent: 1}
/// kb_categories:
///   - {id: 1, name: IT}
///   - {id: 2, name: Network, parent: 1}
/// ```
///
/// `custom_field_types` ([{id, name}]) replaces the standard types when given.
struct SeedDocument: Decodable {
    var version: String?
    var users: [SeedUser]?
    var helpdesks: [SeedHelpDesk]?
    var requestCategories: [SeedNode]?
    var customFieldTypes: [SeedFieldType]?
    var customFields: [SeedField]?
    var companies: [SeedCompany]?
    var groups: [SeedGroup]?
    var locations: [SeedNode]?
    var kbCategories: [SeedNode]?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case version, users, helpdesks, groups, companies, locations
        case requestCategories = "request_categories"
        case customFieldTypes = "custom_field_types"
        case customFields = "custom_fields"
        case kbCategories = "kb_categories"
    }

    /// The keys each kind of mapping may have, by its path of section names ("" is the top).
    static let allowedKeys: [String: [String]] = [
        "": CodingKeys.allCases.map(\.rawValue),
        "users": ["id", "username", "email", "name", "lastname", "disabled", "agent", "deleted", "ldap"],
        "helpdesks": ["id", "name", "status_id", "engine_id", "members", "observers", "levels"],
        "helpdesks.levels": ["id", "name", "order", "status_id", "engine_id", "members", "observers"],
        "request_categories": ["id", "name", "parent"],
        "custom_field_types": ["id", "name"],
        "custom_fields": ["uid", "label", "type", "description", "required", "categories", "options", "tree"],
        "custom_fields.tree": ["name", "key", "children"],
        "companies": ["id", "name", "external_id", "members", "groups", "observers"],
        "groups": ["id", "name", "members", "observers"],
        "locations": ["id", "name", "parent", "members", "observers"],
        "kb_categories": ["id", "name", "parent"],
    ]
}

struct SeedUser: Decodable {
    var id: Int
    var username: String
    var email: String
    var name: String?
    var lastname: String?
    var disabled: Bool?
    /// An agent (user type 1) rather than an end user (2).
    var agent: Bool?
    /// Deleted through the API: listed, never writable.
    var deleted: Bool?
    /// Synchronised from a directory (user `type` 2).
    var ldap: Bool?
}

struct SeedHelpDesk: Decodable {
    var id: Int
    var name: String
    var statusID: Int?
    var engineID: Int?
    var members: [Int]?
    var observers: [Int]?
    var levels: [SeedLevel]?

    enum CodingKeys: String, CodingKey {
        case id, name, members, observers, levels
        case statusID = "status_id"
        case engineID = "engine_id"
    }
}

struct SeedLevel: Decodable {
    var id: Int
    var name: String
    var order: Int
    var statusID: Int?
    var engineID: Int?
    var members: [Int]?
    var observers: [Int]?

    enum CodingKeys: String, CodingKey {
        case id, name, order, members, observers
        case statusID = "status_id"
        case engineID = "engine_id"
    }
}

/// A node of a tree of named things: request categories, locations, KB categories.
struct SeedNode: Decodable {
    var id: Int
    var name: String
    var parent: Int?
    var members: [Int]?
    var observers: [Int]?
}

struct SeedFieldType: Decodable {
    var id: Int
    var name: String
}

struct SeedField: Decodable {
    var uid: Int
    var label: String
    var type: Int
    var description: String?
    var required: Bool?
    var categories: [Int]?
    /// A list-type field's options, key → value, in the order written.
    var options: OrderedOptions?
    var tree: [SeedTreeOption]?
}

struct SeedTreeOption: Decodable {
    var name: String
    var key: String?
    var children: [SeedTreeOption]?
}

struct SeedCompany: Decodable {
    var id: Int
    var name: String
    var externalID: String?
    var members: [Int]?
    var groups: [Int]?
    var observers: [Int]?

    enum CodingKeys: String, CodingKey {
        case id, name, members, groups, observers
        case externalID = "external_id"
    }
}

struct SeedGroup: Decodable {
    var id: Int
    var name: String
    var members: [Int]?
    var observers: [Int]?
}

/// A YAML mapping of strings, keeping the order it was written in.
struct OrderedOptions: Decodable {
    var pairs: [(key: String, value: String)]

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: OptionKey.self)
        pairs = try container.allKeys.map { ($0.stringValue, try container.decode(String.self, forKey: $0)) }
    }

    struct OptionKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { stringValue = String(intValue) }
    }
}
