/// A group as the manifests want it. Identity: `name` (the API cannot rename a group: a new name is a
/// replace). Relations: `nil` unmanaged, `[]` emptied, a list authoritative.
package struct DeclaredGroup: Hashable, Sendable {
    package var name: String
    /// Where the group's name is written.
    package var position: SourceLocation
    /// Earlier names: a live group under one of them is replaced by this one (delete and create,
    /// relations re-applied), since the API cannot rename groups.
    package var previousNames: [Located<String>]
    package var members: [UserReference]?
    package var observers: [UserReference]?
    package var protect: Bool
    package var absent: Bool

    package init(
        name: String, position: SourceLocation = .unknown, previousNames: [Located<String>] = [], members: [UserReference]? = nil,
        observers: [UserReference]? = nil, protect: Bool = false, absent: Bool = false
    ) {
        self.name = name
        self.position = position
        self.previousNames = previousNames
        self.members = members
        self.observers = observers
        self.protect = protect
        self.absent = absent
    }
}
