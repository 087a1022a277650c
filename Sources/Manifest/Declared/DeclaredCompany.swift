/// A company as the manifests want it. Identity: `externalID` when set (so `name` can change in place),
/// else `name`; `previousNames` lets the planner rename in place a company that has no external id.
///
/// Relations are optional: `nil` leaves the relation unmanaged, `[]` empties it, a list is authoritative.
public struct DeclaredCompany: Hashable, Sendable {
    public var name: String
    /// Where the company's name is written.
    public var position: SourceLocation
    public var externalID: Located<String>?
    public var previousNames: [Located<String>]
    /// Names of the groups related to the company (`companies.groups`).
    public var groups: [Located<String>]?
    public var members: [UserReference]?
    public var observers: [UserReference]?
    /// The plan fails rather than delete or replace this company.
    public var protect: Bool
    /// The company must not exist: the plan deletes it.
    public var absent: Bool

    public init(
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
