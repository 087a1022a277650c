/// A Knowledge Base category. `parentID` is nil at the root.
public struct KBCategory: Equatable, Sendable, Codable, Identifiable {
    public var id: Int
    public var name: String
    public var parentID: Int?

    public init(id: Int, name: String, parentID: Int? = nil) {
        self.id = id
        self.name = name
        self.parentID = parentID
    }
}
