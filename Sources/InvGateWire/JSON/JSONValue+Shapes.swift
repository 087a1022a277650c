/// The shapes in which the API answers a list, and the names of shapes for messages.
extension JSONValue {
    /// How a list arrives.
    package enum ListShape: Sendable {
        /// A JSON array (or PHP's `{}` for an empty one).
        case list([JSONValue])
        /// An object keyed by id or hash whose values are the records.
        case keyed([(key: String, value: JSONValue)])
        /// One record where a list was expected.
        case single(JSONValue)
    }

    /// The list this value holds, in whichever shape; nil for a scalar. An object whose values are
    /// all objects is a keyed list; any other object is a single record.
    package var listShape: ListShape? {
        if let elements { return .list(elements) }
        guard case .object(let pairs) = self else { return nil }
        if pairs.allSatisfy({ if case .object = $0.value { true } else { false } }) { return .keyed(pairs) }
        return .single(self)
    }

    /// This object with one more pair at its end.
    package func adding(_ key: String, _ value: JSONValue) -> JSONValue {
        guard case .object(let pairs) = self else { return self }
        return .object(pairs + [(key, value)])
    }

    /// What kind of value this is, for a message: "an object", "a list", "a string", …
    package var shapeName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "a list"
        case .object: "an object"
        }
    }
}
