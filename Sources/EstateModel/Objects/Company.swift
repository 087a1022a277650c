/// A company: members, related groups and observers.
package struct Company: Equatable, Sendable, Identifiable {
    package var id: Int
    package var name: String
    package var externalID: String?
    package var members: Set<Int>
    /// Groups related to the company (`companies.groups`).
    package var groups: Set<Int>
    package var observers: Set<Int>
    /// Groups observing the company; read-only through the API.
    package var observerGroups: Set<Int>

    package init(
        id: Int, name: String, externalID: String? = nil, members: Set<Int> = [],
        groups: Set<Int> = [], observers: Set<Int> = [], observerGroups: Set<Int> = []
    ) {
        self.id = id
        self.name = name
        self.externalID = externalID
        self.members = members
        self.groups = groups
        self.observers = observers
        self.observerGroups = observerGroups
    }
}
