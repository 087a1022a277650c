/// A level of a help desk. Its help desk is `helpdeskID` (the `parent_id` in `helpdesksandlevels`);
/// its name is only visible through `levels.observers`.
package struct Level: Equatable, Sendable, Identifiable {
    package var id: Int
    package var helpdeskID: Int
    package var name: String
    package var order: Int
    package var statusID: Int
    package var engineID: Int
    package var members: Set<Int>
    package var observers: Set<Int>
    package var observerGroups: Set<Int>

    package init(
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
