/// A level of a help desk. Its help desk is `helpdeskID` (the `parent_id` in `helpdesksandlevels`);
/// its name is only visible through `levels.observers`.
public struct Level: Equatable, Sendable, Codable, Identifiable {
    public var id: Int
    public var helpdeskID: Int
    public var name: String
    public var order: Int
    public var statusID: Int
    public var engineID: Int
    public var members: Set<Int>
    public var observers: Set<Int>
    public var observerGroups: Set<Int>

    public init(
        id: Int, helpdeskID: Int, name: String, order: Int, statusID: Int = 1, engineID: Int = 1,
        members: Set<Int> = [], observers: Set<Int> = [], observerGroups: Set<Int> = []
    ) {
        self.id = id
        self.helpdeskID = helpdeskID
        self.name = name
        self.order = order
        self.statusID = statusID
        self.engineID = engineID
        self.members = members
        self.observers = observers
        self.observerGroups = observerGroups
    }
}
