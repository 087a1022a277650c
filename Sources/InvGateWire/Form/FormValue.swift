/// A parameter value as the API reads it.
package enum FormValue: Equatable, Hashable, Sendable {
    case string(String)
    case integer(Int)
    /// Sent as `1` / `0`.
    case boolean(Bool)
    /// Sent PHP-style: `name[]=a&name[]=b`.
    case array([String])
    /// Sent PHP-style: `name[key]=value`, in the given order.
    case dictionary([KeyValue])

    package struct KeyValue: Equatable, Hashable, Sendable {
        package var key: String
        package var value: String

        package init(_ key: String, _ value: String) {
            self.key = key
            self.value = value
        }
    }

    package static func array(_ ids: [Int]) -> FormValue { .array(ids.map(String.init)) }

    /// The value as JSON, for plans and journals: numbers, strings, booleans, arrays and objects.
    package var json: JSONValue {
        switch self {
        case .string(let text): .string(text)
        case .integer(let number): .int(number)
        case .boolean(let flag): .bool(flag)
        case .array(let items): .array(items.map(JSONValue.string))
        case .dictionary(let entries): .object(entries.map { ($0.key, .string($0.value)) })
        }
    }
}
