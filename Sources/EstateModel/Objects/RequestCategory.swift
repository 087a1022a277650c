/// A request category: custom fields apply to categories. Seed data only.
package struct RequestCategory: Equatable, Sendable, Identifiable {
    package var id: Int
    package var name: String
    package var parentID: Int?

    package init(id: Int, name: String, parentID: Int? = nil) {
        self.id = id
        self.name = name
        self.parentID = parentID
    }
}
