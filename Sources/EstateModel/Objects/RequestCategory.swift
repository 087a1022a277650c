/// A request category: custom fields apply to categories. Seed data only.
public struct RequestCategory: Equatable, Sendable, Codable, Identifiable {
    public var id: Int
    public var name: String
    public var parentID: Int?

    public init(id: Int, name: String, parentID: Int? = nil) {
        self.id = id
        self.name = name
        self.parentID = parentID
    }
}
