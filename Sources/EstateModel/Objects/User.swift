/// A user of the instance: an account deskform can create, update, rename, disable and enable (never
/// delete), and whose username or email the manifests use to name a person.
package struct User: Equatable, Sendable, Identifiable {
    package var id: Int
    package var username: String
    package var email: String
    package var name: String
    package var lastname: String
    package var isDisabled: Bool
    /// Deleted through the API (`DELETE user`, which deskform never sends): listed by `users`, never writable.
    package var isDeleted: Bool
    /// The API's `user_type`: 1 agent, 2 end user.
    package var userType: Int
    /// The API's `type`: where the account comes from (``Source``).
    package var source: Source
    /// The optional attributes, by their API names; an attribute not set is absent (never empty).
    package var attributes: [UserAttribute: String]
    package var managerID: Int?

    package init(
        id: Int, username: String, email: String, name: String = "", lastname: String = "",
        isDisabled: Bool = false, isDeleted: Bool = false, userType: Int = 2, source: Source = .system,
        attributes: [UserAttribute: String] = [:], managerID: Int? = nil
    ) {
        self.id = id
        self.username = username
        self.email = email
        self.name = name
        self.lastname = lastname
        self.isDisabled = isDisabled
        self.isDeleted = isDeleted
        self.userType = userType
        self.source = source
        self.attributes = attributes.filter { !$0.value.isEmpty }
        self.managerID = managerID
    }

    /// The API's user `type`: 1 system, 2 LDAP, 3 web service, 4 customer, 5 mailbox (others kept as read).
    package struct Source: RawRepresentable, Equatable, Hashable, Sendable {
        package var rawValue: Int
        package init(rawValue: Int) { self.rawValue = rawValue }

        package static let system = Source(rawValue: 1)
        package static let ldap = Source(rawValue: 2)

        /// A directory owns the account: its attributes and whether it is disabled are the directory's.
        package var isDirectory: Bool { self == .ldap }
    }

    /// Whether the account can be used: neither deleted nor disabled.
    package var isActive: Bool { !isDeleted && !isDisabled }
}

/// The optional attributes of a user that deskform manages, by the names the API reads them with
/// (`users`, `user`) and the manifests use.
package enum UserAttribute: String, CaseIterable, Equatable, Hashable, Sendable, Comparable {
    case department, position, phone, mobile, office
    case employeeNumber = "employee_number"
    case city, country, address, localization
    case otherEmail = "other_email"

    /// The parameter `user` POST and PUT take: the secondary email is `other-email` there.
    package var parameterName: String { self == .otherEmail ? "other-email" : rawValue }

    /// The field the API answers it in: a user's localization is read as `location`.
    package var answerName: String { self == .localization ? "location" : rawValue }

    package static func < (lhs: UserAttribute, rhs: UserAttribute) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
