/// A custom field. Only list- and tree-type fields carry options deskform manages.
public struct CustomField: Equatable, Sendable, Codable, Identifiable {
    public var uid: Int
    public var label: String
    public var typeID: Int
    public var description: String
    public var isRequired: Bool
    /// Request categories the field applies to.
    public var categories: [Int]
    /// Options of a list-type field, in the order they were first added.
    public var listOptions: [ListOption]
    /// Options of a tree-type field, flat, each knowing its parent; siblings keep insertion order.
    public var treeOptions: [TreeOption]

    public var id: Int { uid }

    public init(
        uid: Int, label: String, typeID: Int, description: String = "", isRequired: Bool = false,
        categories: [Int] = [], listOptions: [ListOption] = [], treeOptions: [TreeOption] = []
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
public struct ListOption: Equatable, Hashable, Sendable, Codable {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

/// One node of a tree-type field. `hash` is the API's internal identifier; `parentHash` is nil at the root.
public struct TreeOption: Equatable, Hashable, Sendable, Codable {
    public var hash: String
    public var key: String
    public var name: String
    public var parentHash: String?

    public init(hash: String, key: String, name: String, parentHash: String? = nil) {
        self.hash = hash
        self.key = key
        self.name = name
        self.parentHash = parentHash
    }
}

extension CustomField {
    /// The hashes of `hash` and every option below it.
    public func treeOptionSubtree(of hash: String) -> Set<String> {
        var found: Set<String> = [hash]
        var frontier = [hash]
        while let parent = frontier.popLast() {
            for option in treeOptions where option.parentHash == parent && !found.contains(option.hash) {
                found.insert(option.hash)
                frontier.append(option.hash)
            }
        }
        return found
    }
}
