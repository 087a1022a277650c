/// A company as the manifests want it. Identity: `externalID` when set (so `name` can change in place),
/// else `name`; `previousNames` lets the planner rename in place a company that has no external id.
///
/// Relations are optional: `nil` leaves the relation unmanaged, `[]` empties it, a list is authoritative.
package struct DeclaredCompany: Hashable, Sendable {
    package var name: String
    /// Where the company's name is written.
    package var position: SourceLocation
    package var externalID: Located<String>?
    package var previousNames: [Located<String>]
    /// Names of the groups related to the company (`companies.groups`).
    package var groups: [Located<String>]?
    package var members: [UserReference]?
    package var observers: [UserReference]?
    /// The plan fails rather than delete or replace this company.
    package var protect: Bool
    /// The company must not exist: the plan deletes it.
    package var absent: Bool

    package init(
        name: String, position: SourceLocation = .unknown, externalID: Located<String>? = nil,
        previousNames: [Located<String>] = [], groups: [Located<String>]? = nil,
        members: [UserReference]? = nil, observers: [UserReference]? = nil,
        protect: Bool = false, absent: Bool = false
    ) {
        self.name = name
        self.position = position
        self.externalID = externalID
        self.previousNames = previousNames
        self.groups = groups
        self.members = members
        self.observers = observers
        self.protect = protect
        self.absent = absent
    }
}
