/// A help desk. Read-only through the API except for its observers.
package struct HelpDesk: Equatable, Sendable, Identifiable {
    package var id: Int
    package var name: String
    /// The parent help desk, 0 at the root.
    package var parentID: Int
    /// 1: enabled, 2: suspended, 3: out of working hours, 4: disabled.
    package var statusID: Int
    /// 1: round robin, 2: by load, 3: free, 4: manual.
    package var engineID: Int
    package var members: Set<Int>
    package var observers: Set<Int>
    package var observerGroups: Set<Int>

    package init(
        id: Int, name: String, parentID: Int = 0, statusID: Int = 1, engineID: Int = 1,
        members: Set<Int> = [], observers: Set<Int> = [], observerGroups: Set<Int> = []
    ) {
        self.id = id
        self.name = name
        self.parentID = parentID
        self.statusID = statusID
        self.engineID = engineID
        self.members = members
        self.observers = observers
        self.observerGroups = observerGroups
    }
}
