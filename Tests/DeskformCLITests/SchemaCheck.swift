import Foundation
import InvGateWire

/// Checks a JSON document against the subset of JSON Schema that `specs/*.schema.json` use:
/// `type`, `const`, `enum`, `required`, `properties`, `additionalProperties`, `propertyNames` (`pattern`),
/// `items`, `minimum`, `oneOf`, and `$ref` into `$defs`, of the same file or of another in `specs/`
/// (`plan-file.schema.json#/$defs/plan`). Returns every violation with its JSON path.
struct SchemaCheck {
    let root: JSONValue

    /// The schema `specs/NAME`.
    static func spec(_ name: String) throws -> SchemaCheck {
        SchemaCheck(root: try JSONValue.parse(Data(contentsOf: URL(fileURLWithPath: Golden.path("specs/\(name)")))))
    }

    func violations(of value: JSONValue, against schema: JSONValue? = nil, at path: String = "$") -> [String] {
        let schema = schema ?? root
        if let reference = schema["$ref"]?.string {
            let parts = reference.split(separator: "#", omittingEmptySubsequences: false)
            let name = String(reference.split(separator: "/").last ?? "")
            guard parts.count == 2, !parts[0].isEmpty else { return violations(of: value, against: root["$defs"]?[name] ?? .null, at: path) }
            guard let other = try? Self.spec(String(parts[0])) else { return ["\(path): \(reference) cannot be read"] }
            return other.violations(of: value, against: other.root["$defs"]?[name] ?? .null, at: path)
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
            if let pattern = schema["propertyNames"]?["pattern"]?.string {
                for (key, _) in pairs where key.range(of: pattern, options: .regularExpression) == nil {
                    found.append("\(path): the key \(key) does not match \(pattern)")
                }
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

    /// Where the schema leaves an object open or unsaid: an object schema that neither lists its
    /// properties nor says what any other key holds (`additionalProperties`: false, or a schema).
    func openObjects(in schema: JSONValue? = nil, at path: String = "#") -> [String] {
        let schema = schema ?? root
        var found: [String] = []
        if schema["type"]?.string == "object" {
            let additional = schema["additionalProperties"]
            if additional == nil || additional == .bool(true) { found.append("\(path): additionalProperties is not said") }
            if additional == .bool(false), schema["properties"]?.pairs?.isEmpty ?? true { found.append("\(path): no properties") }
        }
        for (key, member) in schema.pairs ?? [] where key != "const" && key != "enum" {
            found += openObjects(in: member, at: "\(path)/\(key)")
        }
        for (index, member) in (schema.elements ?? []).enumerated() { found += openObjects(in: member, at: "\(path)/\(index)") }
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
