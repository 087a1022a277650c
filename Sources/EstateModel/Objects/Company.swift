/// A company: members, related groups and observers.
public struct Company: Equatable, Sendable, Codable, Identifiable {
    public var id: Int
    public var name: String
    public var externalID: String?
    public var members: Set<Int>
    /// Groups related to the company (`companies.groups`).
    public var groups: Set<Int>
    public var observers: Set<Int>
    /// Groups observing the company; read-only through the API.
    public var observerGroups: Set<Int>

    public init(
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
