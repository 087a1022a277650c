/// A node of the location tree. `parentID` is nil at the root.
public struct Location: Equatable, Sendable, Codable, Identifiable {
    public var id: Int
    public var name: String
    public var parentID: Int?
    public var members: Set<Int>
    public var observers: Set<Int>
    public var observerGroups: Set<Int>

    public init(
        id: Int, name: String, parentID: Int? = nil, members: Set<Int> = [],
        observers: Set<Int> = [], observerGroups: Set<Int> = []
    ) {
        self.id = id
        self.name = name
        self.parentID = parentID
        self.members = members
        self.observers = observers
        self.observerGroups = observerGroups
    }
}
