/// `GET companies`: `{id, name, external_id, total}`.
package struct CompanyRecord: Equatable, Sendable {
    package var id: Int
    package var name: String
    package var externalID: String?
    /// Users total.
    package var total: Int

    package init(id: Int, name: String, externalID: String?, total: Int) {
        self.id = id
        self.name = name
        self.externalID = externalID
        self.total = total
    }

    package init(json: JSONValue) throws(RecordDecodingError) {
        let reader = try RecordReader("company", json)
        self.init(
            id: try reader.int("id"), name: try reader.string("name"),
            externalID: reader.optionalString("external_id"), total: reader.optionalInt("total") ?? 0
        )
    }

    package var json: JSONValue {
        .object([("id", .int(id)), ("name", .string(name)), ("external_id", .optional(externalID)), ("total", .int(total))])
    }
}

/// `GET groups` and `GET companies.groups`: `{id, name, total}`.
package struct GroupRecord: Equatable, Sendable {
    package var id: Int
    package var name: String
    package var total: Int

    package init(id: Int, name: String, total: Int) {
        self.id = id
        self.name = name
        self.total = total
    }

    package init(json: JSONValue) throws(RecordDecodingError) {
        let reader = try RecordReader("group", json)
        self.init(id: try reader.int("id"), name: try reader.string("name"), total: reader.optionalInt("total") ?? 0)
    }

    package var json: JSONValue { .object([("id", .int(id)), ("name", .string(name)), ("total", .int(total))]) }
}

/// `GET locations`: `{id, name, parent_id, total}`; a `parent_id` of 0 or null is the root.
package struct LocationRecord: Equatable, Sendable {
    package var id: Int
    package var name: String
    package var parentID: Int?
    package var total: Int

    package init(id: Int, name: String, parentID: Int?, total: Int) {
        self.id = id
        self.name = name
        self.parentID = parentID
        self.total = total
    }

    package init(json: JSONValue) throws(RecordDecodingError) {
        let reader = try RecordReader("location", json)
        let parent = reader.optionalInt("parent_id")
        self.init(
            id: try reader.int("id"), name: try reader.string("name"), parentID: parent == 0 ? nil : parent,
            total: reader.optionalInt("total") ?? 0
        )
    }

    package var json: JSONValue {
        .object([("id", .int(id)), ("name", .string(name)), ("parent_id", parentID.map(JSONValue.int) ?? .null), ("total", .int(total))])
    }
}

/// `GET kb.categories` and `kb.categories.by.ids`: `{id, name, parent_id}`; 0 or null is the root.
package struct KBCategoryRecord: Equatable, Sendable {
    package var id: Int
    package var name: String
    package var parentID: Int?

    package init(id: Int, name: String, parentID: Int?) {
        self.id = id
        self.name = name
        self.parentID = parentID
    }

    package init(json: JSONValue) throws(RecordDecodingError) {
        let reader = try RecordReader("kb category", json)
        let parent = reader.optionalInt("parent_id")
        self.init(id: try reader.int("id"), name: try reader.string("name"), parentID: parent == 0 ? nil : parent)
    }

    package var json: JSONValue {
        .object([("id", .int(id)), ("name", .string(name)), ("parent_id", .int(parentID ?? 0))])
    }
}

/// `GET companies.observers` and the other `*.observers`: `{id, name, observer_users, observer_groups}`.
package struct ObserversRecord: Equatable, Sendable {
    package var id: Int
    package var name: String?
    package var observerUsers: [Int]
    package var observerGroups: [Int]

    package init(id: Int, name: String?, observerUsers: [Int], observerGroups: [Int]) {
        self.id = id
        self.name = name
        self.observerUsers = observerUsers
        self.observerGroups = observerGroups
    }

    package init(json: JSONValue) throws(RecordDecodingError) {
        let reader = try RecordReader("observers", json)
        self.init(
            id: try reader.int("id"), name: reader.optionalString("name"),
            observerUsers: try reader.ids("observer_users"), observerGroups: try reader.ids("observer_groups")
        )
    }

    package var json: JSONValue {
        .object([
            ("id", .int(id)), ("name", .optional(name)), ("observer_users", .ids(observerUsers)),
            ("observer_groups", .ids(observerGroups)),
        ])
    }
}

/// `GET companies.users`, `groups.users`, `locations.users`: `{id, username, name, email}`.
package struct MemberRecord: Equatable, Sendable {
    package var id: Int
    package var username: String?
    package var name: String?
    package var email: String?

    package init(id: Int, username: String?, name: String?, email: String?) {
        self.id = id
        self.username = username
        self.name = name
        self.email = email
    }

    package init(json: JSONValue) throws(RecordDecodingError) {
        let reader = try RecordReader("member", json)
        self.init(
            id: try reader.int("id"), username: reader.optionalString("username"),
            name: reader.optionalString("name"), email: reader.optionalString("email")
        )
    }

    package var json: JSONValue {
        .object([("id", .int(id)), ("username", .optional(username)), ("name", .optional(name)), ("email", .optional(email))])
    }
}
