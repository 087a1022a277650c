/// Where an object lives in the manifests' terms: `company["Acme Corp"]`, `location["Madrid/Floor 2"]`.
package struct Address: Equatable, Hashable, Sendable, Comparable, CustomStringConvertible {
    package enum Kind: String, Equatable, Hashable, Sendable, CaseIterable {
        case company, group, location, helpdesk, level
        case kbCategory = "kb_category"
        case customField = "custom_field"
        case option
        case user
    }

    package var kind: Kind
    package var name: String

    package init(_ kind: Kind, _ name: String) {
        self.kind = kind
        self.name = name
    }

    package var description: String {
        let escaped = name.flatMap { $0 == "\\" || $0 == "\"" ? ["\\", $0] : [$0] }
        return "\(kind.rawValue)[\"\(String(escaped))\"]"
    }

    package static func < (lhs: Address, rhs: Address) -> Bool {
        let order = Kind.allCases
        if lhs.kind != rhs.kind { return order.firstIndex(of: lhs.kind)! < order.firstIndex(of: rhs.kind)! }
        return lhs.name < rhs.name
    }
}

