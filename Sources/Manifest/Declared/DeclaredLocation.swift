/// A node of the location tree. Identity: its `path` of names from the root ("Madrid/Floor 2"); the API
/// cannot rename or move a location, so a new path is a replace (which also erases sublocations).
package struct DeclaredLocation: Hashable, Sendable {
    package var name: String
    /// Where the location's name is written.
    package var position: SourceLocation
    /// Earlier names under the same parent: a live location there is replaced by this one (delete,
    /// which erases its sublocations, then create), since the API cannot rename locations.
    package var previousNames: [Located<String>]
    package var members: [UserReference]?
    package var observers: [UserReference]?
    /// Declared sublocations, in file order.
    package var children: [DeclaredLocation]
    package var protect: Bool
    package var absent: Bool

    package init(
        name: String, position: SourceLocation = .unknown, previousNames: [Located<String>] = [], members: [UserReference]? = nil,
        observers: [UserReference]? = nil, children: [DeclaredLocation] = [],
        protect: Bool = false, absent: Bool = false
    ) {
        self.name = name
        self.position = position
        self.previousNames = previousNames
        self.members = members
        self.observers = observers
        self.children = children
        self.protect = protect
        self.absent = absent
    }
}
