/// What `user` POST sends for a new account: the name, last name and email the API requires, and the
/// optional attributes and manager.
package struct UserFields: Equatable, Hashable, Sendable {
    /// Empty lets the API use the email as the username.
    package var username: String
    package var email: String
    package var name: String
    package var lastname: String
    package var attributes: [UserAttribute: String]
    package var managerID: Int?

    package init(
        username: String, email: String, name: String, lastname: String, attributes: [UserAttribute: String] = [:],
        managerID: Int? = nil
    ) {
        self.username = username
        self.email = email
        self.name = name
        self.lastname = lastname
        self.attributes = attributes
        self.managerID = managerID
    }
}

/// What `user` PUT changes: nil leaves a field as it is; an attribute set to `""` clears it, a
/// `managerID` of 0 removes the manager.
package struct UserChanges: Equatable, Hashable, Sendable {
    package var username: String?
    package var email: String?
    package var name: String?
    package var lastname: String?
    package var attributes: [UserAttribute: String]
    package var managerID: Int?

    package init(
        username: String? = nil, email: String? = nil, name: String? = nil, lastname: String? = nil,
        attributes: [UserAttribute: String] = [:], managerID: Int? = nil
    ) {
        self.username = username
        self.email = email
        self.name = name
        self.lastname = lastname
        self.attributes = attributes
        self.managerID = managerID
    }

    package var isEmpty: Bool { self == UserChanges() }
}
