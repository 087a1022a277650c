/// A user of the instance. deskform never creates users: it resolves usernames and emails to ids.
public struct User: Equatable, Sendable, Codable, Identifiable {
    public var id: Int
    public var username: String
    public var email: String
    public var name: String
    public var lastname: String
    public var isDisabled: Bool
    public var isDeleted: Bool
    /// 1: agent, 2: end user.
    public var userType: Int

    public init(
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
