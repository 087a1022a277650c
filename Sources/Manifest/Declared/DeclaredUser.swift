import EstateModel

/// A user account as the manifests want it. Identity: `username` (a new one, with the old one in
/// `previous_usernames`, renames the account in place). Everything else left out is left as it is;
/// `groups`, `companies` and `locations` are the user's side of those memberships: `nil` unmanaged, a
/// list authoritative for this user (`[]` takes the user out of every one), merged with what the groups,
/// companies and locations list.
package struct DeclaredUser: Hashable, Sendable {
    package var username: String
    /// Where the username is written.
    package var position: SourceLocation
    package var email: Located<String>?
    package var name: Located<String>?
    package var lastname: Located<String>?
    /// The optional attributes the manifests set, by their API names (`""` clears one).
    package var attributes: [UserAttribute: Located<String>]
    package var manager: UserReference?
    /// `true` disables the account, `false` enables it; nil leaves it as it is.
    package var disabled: Located<Bool>?
    package var groups: [Located<String>]?
    package var companies: [Located<String>]?
    /// Location paths: "Madrid/Floor 2".
    package var locations: [Located<String>]?
    package var previousUsernames: [Located<String>]

    package init(
        username: String, position: SourceLocation = .unknown, email: Located<String>? = nil, name: Located<String>? = nil,
        lastname: Located<String>? = nil, attributes: [UserAttribute: Located<String>] = [:], manager: UserReference? = nil,
        disabled: Located<Bool>? = nil, groups: [Located<String>]? = nil, companies: [Located<String>]? = nil,
        locations: [Located<String>]? = nil, previousUsernames: [Located<String>] = []
    ) {
        self.username = username
        self.position = position
        self.email = email
        self.name = name
        self.lastname = lastname
        self.attributes = attributes
        self.manager = manager
        self.disabled = disabled
        self.groups = groups
        self.companies = companies
        self.locations = locations
        self.previousUsernames = previousUsernames
    }
}
