/// A custom field type as `cf.fields.types` lists it.
package struct CustomFieldType: Equatable, Sendable, Identifiable {
    package var id: Int
    package var name: String

    package init(id: Int, name: String) {
        self.id = id
        self.name = name
    }

    /// What deskform can manage on a field of this type, told by the type's name (the options endpoints' answers confirm it).
    package enum Kind: String, Equatable, Sendable {
        case list, tree, other
    }

    package var kind: Kind { Self.kind(ofTypeNamed: name) }

    package static func kind(ofTypeNamed name: String) -> Kind {
        let lowered = name.lowercased()
        if lowered.contains("tree") { return .tree }
        if lowered.contains("list") { return .list }
        return .other
    }

    /// The types the simulator reports.
    package static let standard: [CustomFieldType] = [
        CustomFieldType(id: 1, name: "Text Field (String)"),
        CustomFieldType(id: 2, name: "Text Area (Text)"),
        CustomFieldType(id: 3, name: "Number (Integer)"),
        CustomFieldType(id: 4, name: "Decimal Number (Float)"),
        CustomFieldType(id: 5, name: "Date"),
        CustomFieldType(id: 6, name: "Checkbox (Boolean)"),
        CustomFieldType(id: 7, name: "User"),
        CustomFieldType(id: 104, name: "Option List (Custom Keys)"),
        CustomFieldType(id: 105, name: "Tree Options (Custom Keys)"),
    ]
}
