/// `GET cf.fields.all`: `{uid, label, type, categories, is_required, description}`.
package struct CustomFieldRecord: Equatable, Sendable {
    package var uid: Int
    package var label: String
    package var type: Int
    package var categories: String
    package var isRequired: Bool
    package var description: String?

    package init(uid: Int, label: String, type: Int, categories: String, isRequired: Bool, description: String?) {
        self.uid = uid
        self.label = label
        self.type = type
        self.categories = categories
        self.isRequired = isRequired
        self.description = description
    }

    package init(json: JSONValue) throws(RecordDecodingError) {
        let reader = try RecordReader("custom field", json)
        let categories: String =
            switch json["categories"] {
            case .array(let items)?: items.compactMap(\.string).joined(separator: ",")
            case let value?: value.string ?? ""
            case nil: ""
            }
        self.init(
            uid: try reader.int("uid"), label: try reader.string("label"), type: try reader.int("type"),
            categories: categories, isRequired: reader.bool("is_required"),
            description: reader.optionalString("description")
        )
    }

    package var json: JSONValue {
        .object([
            ("uid", .int(uid)), ("label", .string(label)), ("type", .int(type)), ("categories", .string(categories)),
            ("is_required", .bool(isRequired)), ("description", .optional(description)),
        ])
    }
}

/// `GET cf.fields.types`. The reference says `[{id, name}]`; a public client's tests show a map of
/// type code to description. Both are read.
package struct CustomFieldTypeRecord: Equatable, Sendable {
    package var id: Int
    package var name: String

    package init(id: Int, name: String) {
        self.id = id
        self.name = name
    }

    package static func decodeList(_ json: JSONValue) throws(RecordDecodingError) -> [CustomFieldTypeRecord] {
        if case .object(let pairs) = json, pairs.allSatisfy({ $0.value.string != nil }) {
            var types: [CustomFieldTypeRecord] = []
            for (key, value) in pairs {
                guard let id = Int(key), let name = value.string else {
                    throw RecordDecodingError(record: "custom field type", field: "code: name", found: value)
                }
                types.append(CustomFieldTypeRecord(id: id, name: name))
            }
            return types
        }
        return try Array.decode(json, record: "custom field types") { (item) throws(RecordDecodingError) in
            let reader = try RecordReader("custom field type", item)
            return CustomFieldTypeRecord(id: try reader.int("id"), name: try reader.string("name"))
        }
    }

    package var json: JSONValue { .object([("id", .int(id)), ("name", .string(name))]) }
}

/// `GET cf.field.options.tree`: `[{key, hash, name, children}]`; `children` a list, an object keyed
/// by hash, `[]` or null.
package struct TreeOptionRecord: Equatable, Sendable {
    package var key: String
    package var hash: String
    package var name: String
    package var children: [TreeOptionRecord]

    package init(key: String, hash: String, name: String, children: [TreeOptionRecord] = []) {
        self.key = key
        self.hash = hash
        self.name = name
        self.children = children
    }

    package init(json: JSONValue) throws(RecordDecodingError) {
        let reader = try RecordReader("tree option", json)
        let children = json["children"].flatMap { $0.isNull ? nil : $0 } ?? .array([])
        self.init(
            key: try reader.string("key"), hash: try reader.string("hash"), name: try reader.string("name"),
            children: try Array.decode(children, record: "tree option children", keyField: "hash", TreeOptionRecord.init(json:))
        )
    }

    package var json: JSONValue {
        .object([
            ("key", .string(key)), ("hash", .string(hash)), ("name", .string(name)),
            ("children", .array(children.map(\.json))),
        ])
    }
}
