/// A Knowledge Base category. `parentID` is nil at the root.
package struct KBCategory: Equatable, Sendable, Identifiable {
    package var id: Int
    package var name: String
    package var parentID: Int?

    package init(id: Int, name: String, parentID: Int? = nil) {
        self.id = id
        self.name = name
        self.parentID = parentID
    }
}
