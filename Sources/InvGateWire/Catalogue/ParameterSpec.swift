/// A parameter as the reference describes it.
public struct ParameterSpec: Equatable, Sendable {
    public enum Kind: String, Sendable {
        case integer, string, boolean
        /// PHP-style `name[]=1&name[]=2`.
        case array
        /// PHP-style `name[key]=value`.
        case dictionary
    }

    public var name: String
    public var kind: Kind
    public var isRequired: Bool

    public init(_ name: String, _ kind: Kind, required: Bool = false) {
        self.name = name
        self.kind = kind
        self.isRequired = required
    }
}
