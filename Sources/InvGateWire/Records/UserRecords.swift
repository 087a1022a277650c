import EstateModel

/// A user as `users`, `user`, `user.by` and `users.by` answer. Fields deskform does not use are
/// rendered as null.
package struct UserRecord: Equatable, Sendable {
    package var id: Int
    package var username: String
    package var email: String?
    package var name: String?
    package var lastname: String?
    package var isDisabled: Bool
    package var isDeleted: Bool
    package var userType: Int
    /// The API's `type`: 1 system, 2 LDAP, ….
    package var source: Int
    /// The attributes answered non-empty.
    package var attributes: [UserAttribute: String]
    package var managerID: Int?

    package init(
        id: Int, username: String, email: String?, name: String?, lastname: String?, isDisabled: Bool,
        isDeleted: Bool, userType: Int, source: Int = 1, attributes: [UserAttribute: String] = [:], managerID: Int? = nil
    ) {
        self.id = id
        self.username = username
        self.email = email
        self.name = name
        self.lastname = lastname
        self.isDisabled = isDisabled
        self.isDeleted = isDeleted
        self.userType = userType
        self.source = source
        self.attributes = attributes
        self.managerID = managerID
    }

    package init(json: JSONValue) throws(RecordDecodingError) {
        let reader = try RecordReader("user", json)
        var attributes: [UserAttribute: String] = [:]
        for attribute in UserAttribute.allCases {
            // Read tolerantly: the name the reference answers, else the one the writes take.
            let value = reader.optionalString(attribute.answerName) ?? reader.optionalString(attribute.rawValue)
            if let value, !value.isEmpty { attributes[attribute] = value }
        }
        self.init(
            id: try reader.int("id"), username: reader.optionalString("username") ?? "",
            email: reader.optionalString("email"), name: reader.optionalString("name"),
            lastname: reader.optionalString("lastname"), isDisabled: reader.bool("is_disabled"),
            isDeleted: reader.bool("is_deleted"), userType: reader.optionalInt("user_type") ?? 2,
            source: reader.optionalInt("type") ?? 1, attributes: attributes,
            managerID: reader.optionalInt("manager_id").flatMap { $0 == 0 ? nil : $0 }
        )
    }

    /// Every field of the reference's user, in its order.
    package var json: JSONValue {
        let unset = ["birthday", "doc", "other", "role_name", "fax"]
        var pairs: [(key: String, value: JSONValue)] = [
            ("id", .int(id)), ("username", .string(username)), ("email", .optional(email)), ("name", .optional(name)),
            ("lastname", .optional(lastname)), ("is_disabled", .bool(isDisabled)), ("is_deleted", .bool(isDeleted)),
            ("is_external", .bool(false)), ("user_type", .int(userType)), ("type", .int(source)),
            ("manager_id", managerID.map(JSONValue.int) ?? .null),
        ]
        pairs += UserAttribute.allCases.map { ($0.answerName, .optional(attributes[$0])) }
        pairs += unset.map { ($0, JSONValue.null) }
        return .object(pairs)
    }
}

/// One page of `users.by`: `{"next_page_key": …, "data": {"<id>": {…user…}}}`.
package struct UsersPage: Equatable, Sendable {
    package var users: [UserRecord]
    /// nil on the last page.
    package var nextPageKey: String?

    package init(users: [UserRecord], nextPageKey: String?) {
        self.users = users
        self.nextPageKey = nextPageKey
    }

    package init(json: JSONValue) throws(RecordDecodingError) {
        _ = try RecordReader("users page", json)
        let data = json["data"] ?? .array([])
        var users: [UserRecord] = []
        if let elements = data.elements {
            for element in elements { users.append(try UserRecord(json: element)) }
        } else if let pairs = data.pairs {
            for pair in pairs { users.append(try UserRecord(json: pair.value)) }
        } else {
            throw RecordDecodingError(record: "users page", field: "data", found: data)
        }
        self.init(users: users, nextPageKey: json["next_page_key"]?.string.flatMap { $0.isEmpty ? nil : $0 })
    }

    package var json: JSONValue {
        .object([
            ("next_page_key", .optional(nextPageKey)),
            ("data", .object(users.map { (String($0.id), $0.json) })),
        ])
    }
}

/// `GET users.groups`: a user's groups, companies, help desks and locations, as ids.
package struct UserMembershipsRecord: Equatable, Sendable {
    package var id: Int
    package var username: String?
    package var email: String?
    package var groups: [Int]
    package var groupsObserved: [Int]
    package var companies: [Int]
    package var companiesObserved: [Int]
    package var helpdesks: [Int]
    package var helpdesksObserved: [Int]
    package var locations: [Int]
    package var locationsObserved: [Int]

    package init(
        id: Int, username: String?, email: String?, groups: [Int] = [], groupsObserved: [Int] = [],
        companies: [Int] = [], companiesObserved: [Int] = [], helpdesks: [Int] = [], helpdesksObserved: [Int] = [],
        locations: [Int] = [], locationsObserved: [Int] = []
    ) {
        self.id = id
        self.username = username
        self.email = email
        self.groups = groups
        self.groupsObserved = groupsObserved
        self.companies = companies
        self.companiesObserved = companiesObserved
        self.helpdesks = helpdesks
        self.helpdesksObserved = helpdesksObserved
        self.locations = locations
        self.locationsObserved = locationsObserved
    }

    package init(json: JSONValue) throws(RecordDecodingError) {
        let reader = try RecordReader("user memberships", json)
        self.init(
            id: try reader.int("id"), username: reader.optionalString("username"), email: reader.optionalString("email"),
            groups: try Self.ids(reader, "groups"), groupsObserved: try Self.ids(reader, "groups_observed"),
            companies: try Self.ids(reader, "companies"), companiesObserved: try Self.ids(reader, "companies_observed"),
            helpdesks: try Self.ids(reader, "helpdesks"), helpdesksObserved: try Self.ids(reader, "helpdesks_observed"),
            locations: try Self.ids(reader, "locations"), locationsObserved: try Self.ids(reader, "locations_observed")
        )
    }

    /// Ids, or objects carrying an `id`.
    private static func ids(_ reader: RecordReader, _ key: String) throws(RecordDecodingError) -> [Int] {
        if let objects = reader.json[key]?.elements, objects.contains(where: { $0.pairs != nil }) {
            let ids = objects.compactMap { $0["id"]?.int }
            guard ids.count == objects.count else {
                throw RecordDecodingError(record: "user memberships", field: key, found: reader.json[key])
            }
            return ids
        }
        return try reader.ids(key)
    }

    package var json: JSONValue {
        .object([
            ("id", .int(id)), ("username", .optional(username)), ("email", .optional(email)),
            ("groups", .ids(groups)), ("groups_observed", .ids(groupsObserved)),
            ("companies", .ids(companies)), ("companies_observed", .ids(companiesObserved)),
            ("helpdesks", .ids(helpdesks)), ("helpdesks_observed", .ids(helpdesksObserved)),
            ("locations", .ids(locations)), ("locations_observed", .ids(locationsObserved)),
        ])
    }
}
