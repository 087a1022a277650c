/// A user of the instance. deskform never creates users: it resolves usernames and emails to ids.
package struct User: Equatable, Sendable, Identifiable {
    package var id: Int
    package var username: String
    package var email: String
    package var name: String
    package var lastname: String
    package var isDisabled: Bool
    package var isDeleted: Bool
    /// 1: agent, 2: end user.
    package var userType: Int

    package init(
        id: Int, username: String, email: String, name: String = "", lastname: String = "",
        isDisabled: Bool = false, isDeleted: Bool = false, userType: Int = 2
    ) {
        self.id = id
        self.username = username
        self.email = email
        self.name = name
        self.lastname = lastname
        self.isDisabled = isDisabled
        self.isDeleted = isDeleted
        self.userType = userType
    }
}
