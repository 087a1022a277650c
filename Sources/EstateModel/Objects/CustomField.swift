/// A custom field. Only list- and tree-type fields carry options deskform manages.
package struct CustomField: Equatable, Sendable, Identifiable {
    package var uid: Int
    package var label: String
    package var typeID: Int
    package var description: String
    package var isRequired: Bool
    /// Request categories the field applies to.
    package var categories: [Int]
    /// Options of a list-type field, in the order they were first added.
    package var listOptions: [ListOption]
    /// Options of a tree-type field, flat, each knowing its parent; siblings keep insertion order.
    package var treeOptions: TreeOptions

    package var id: Int { uid }

    package init(
        uid: Int, label: String, typeID: Int, description: String = "", isRequired: Bool = false,
        categories: [Int] = [], listOptions: [ListOption] = [], treeOptions: TreeOptions = []
    ) {
        self.uid = uid
        self.label = label
        self.typeID = typeID
        self.description = description
        self.isRequired = isRequired
        self.categories = categories
        self.listOptions = listOptions
        self.treeOptions = treeOptions
    }
}

/// One key → value option of a list-type field.
package struct ListOption: Equatable, Hashable, Sendable {
    package var key: String
    package var value: String

    package init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

/// One node of a tree-type field. `hash` is the API's internal identifier; `parentHash` is nil at the root.
package struct TreeOption: Equatable, Hashable, Sendable {
    package var hash: String
    package var key: String
    package var name: String
    package var parentHash: String?

    package init(hash: String, key: String, name: String, parentHash: String? = nil) {
        self.hash = hash
        self.key = key
        self.name = name
        self.parentHash = parentHash
    }
}
