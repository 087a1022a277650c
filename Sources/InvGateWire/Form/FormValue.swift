/// A parameter value as the API reads it.
public enum FormValue: Equatable, Hashable, Sendable {
    case string(String)
    case integer(Int)
    /// Sent as `1` / `0`.
    case boolean(Bool)
    /// Sent PHP-style: `name[]=a&name[]=b`.
    case array([String])
    /// Sent PHP-style: `name[key]=value`, in the given order.
    case dictionary([KeyValue])

    public struct KeyValue: Equatable, Hashable, Sendable {
        public var key: String
        public var value: String

        public init(_ key: String, _ value: String) {
            self.key = key
            self.value = value
        }
    }

    public static func array(_ ids: [Int]) -> FormValue { .array(ids.map(String.init)) }
}
