/// A group as the manifests want it. Identity: `name` (the API cannot rename a group: a new name is a
/// replace). Relations: `nil` unmanaged, `[]` emptied, a list authoritative.
public struct DesiredGroup: Hashable, Sendable {
    public var name: String
    /// Where the group's name is written.
    public var location: SourceLocation
    public var members: [UserReference]?
    public var observers: [UserReference]?
    public var protect: Bool
    public var absent: Bool

    public init(
        name: String, location: SourceLocation = .unknown, members: [UserReference]? = nil,
        observers: [UserReference]? = nil, protect: Bool = false, absent: Bool = false
    ) {
        self.name = name
        self.location = location
        self.members = members
        self.observers = observers
        self.protect = protect
        self.absent = absent
    }
}
