/// A parameter as the reference describes it.
package struct ParameterSpec: Equatable, Sendable {
    package enum Kind: String, Sendable {
        case integer, string, boolean
        /// PHP-style `name[]=1&name[]=2`.
        case array
        /// PHP-style `name[key]=value`.
        case dictionary
    }

    package var name: String
    package var kind: Kind
    package var isRequired: Bool

    package init(_ name: String, _ kind: Kind, required: Bool = false) {
        self.name = name
        self.kind = kind
        self.isRequired = required
    }
}
