/// A group of users. The API has no rename: a new name is a new group.
public struct Group: Equatable, Sendable, Codable, Identifiable {
    public var id: Int
    public var name: String
    public var members: Set<Int>
    public var observers: Set<Int>
    public var observerGroups: Set<Int>

    public init(
        id: Int, name: String, members: Set<Int> = [], observers: Set<Int> = [],
        observerGroups: Set<Int> = []
    ) {
        self.id = id
        self.name = name
        self.members = members
        self.observers = observers
        self.observerGroups = observerGroups
    }
}
