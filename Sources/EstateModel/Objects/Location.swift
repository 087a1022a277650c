/// A node of the location tree. `parentID` is nil at the root.
package struct Location: Equatable, Sendable, Identifiable {
    package var id: Int
    package var name: String
    package var parentID: Int?
    package var members: Set<Int>
    package var observers: Set<Int>
    package var observerGroups: Set<Int>

    package init(
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
