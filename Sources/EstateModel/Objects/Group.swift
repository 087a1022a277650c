/// A group of users. The API has no rename: a new name is a new group.
package struct Group: Equatable, Sendable, Identifiable {
    package var id: Int
    package var name: String
    package var members: Set<Int>
    package var observers: Set<Int>
    package var observerGroups: Set<Int>

    package init(
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
