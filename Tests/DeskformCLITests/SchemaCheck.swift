import InvGateWire

/// Checks a JSON document against the subset of JSON Schema that `specs/plan.schema.json` uses:
/// `type`, `const`, `enum`, `required`, `properties`, `additionalProperties`, `items`, `minimum`,
/// and `$ref` into `$defs`. Returns every violation with its JSON path.
struct SchemaCheck {
    let root: JSONValue

    func violations(of value: JSONValue, against schema: JSONValue? = nil, at path: String = "$") -> [String] {
        let schema = schema ?? root
        if let reference = schema["$ref"]?.string {
            let name = String(reference.split(separator: "/").last ?? "")
            return violations(of: value, against: root["$defs"]?[name] ?? .null, at: path)
        }
        if let choices = schema["oneOf"]?.elements {
            let matching = choices.filter { violations(of: value, against: $0, at: path).isEmpty }.count
            return matching == 1 ? [] : ["\(path): matches \(matching) of the oneOf schemas, not 1"]
        }
        var found: [String] = []
        if let type = schema["type"] {
            let allowed = type.elements?.compactMap(\.string) ?? [type.string ?? ""]
            if !allowed.contains(Self.type(of: value)) { return ["\(path): \(Self.type(of: value)) is not \(allowed)"] }
        }
        if let constant = schema["const"], constant != value { found.append("\(path): not \(Self.text(constant))") }
        if let options = schema["enum"]?.elements, !options.contains(value) {
            found.append("\(path): \(Self.text(value)) is not one of the allowed values")
        }
        if let minimum = schema["minimum"]?.int, let number = value.int, number < minimum { found.append("\(path): below \(minimum)") }
        if case .object(let pairs) = value {
            let properties = schema["properties"]?.pairs ?? []
            for name in schema["required"]?.elements?.compactMap(\.string) ?? [] where value[name] == nil {
                found.append("\(path): missing \(name)")
            }
            for (key, member) in pairs {
                if let property = properties.first(where: { $0.key == key }) {
                    found += violations(of: member, against: property.value, at: "\(path).\(key)")
                } else if schema["additionalProperties"] == .bool(false) {
                    found.append("\(path): unexpected \(key)")
                } else if let additional = schema["additionalProperties"], additional.pairs != nil {
                    found += violations(of: member, against: additional, at: "\(path).\(key)")
                }
            }
        }
        if case .array(let items) = value, let itemSchema = schema["items"] {
            for (index, item) in items.enumerated() { found += violations(of: item, against: itemSchema, at: "\(path)[\(index)]") }
        }
        return found
    }

    static func text(_ value: JSONValue) -> String { String(decoding: value.serialized(), as: UTF8.self) }

    static func type(of value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "boolean"
        case .number: value.int != nil ? "integer" : "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}
