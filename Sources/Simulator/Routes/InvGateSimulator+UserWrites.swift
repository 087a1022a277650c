import EstateModel
import InvGateWire

/// `user` POST, PUT and DELETE, `user.disable` and `user.enable`. Deleted users are unknown to every
/// write; a directory (LDAP) account refuses attribute changes and disable/enable (`Estate.apply`).
extension InvGateSimulator {
    /// Creates the account and answers it as `user` GET does, with `status`. With
    /// `send_set_password_email`, the new user's set-password mail is recorded as sent.
    static func createUser(_ call: Call) async throws(Refusal) -> JSONValue {
        let parameters = call.parameters
        let fields = UserFields(
            username: parameters.string("username") ?? "", email: try parameters.requiredString("email"),
            name: try parameters.requiredString("name"), lastname: try parameters.requiredString("lastname"),
            attributes: attributes(parameters), managerID: parameters.int("manager_id"))
        let invite = parameters.bool("send_set_password_email") ?? false
        let (answer, created) = try await call.write(.createUser(fields, invite: invite)) { result, estate in
            guard case .created(let id) = result, let user = estate.users[id] else { return (StatusAnswer.ok().json, User?.none) }
            return (userAnswer(user), user)
        }
        if invite, let created { await call.store.record(.setPasswordMail(user: created.id, email: created.email)) }
        return answer
    }

    static func updateUser(_ call: Call) async throws(Refusal) -> JSONValue {
        let parameters = call.parameters
        let changes = UserChanges(
            username: parameters.string("username"), email: parameters.string("email"), name: parameters.string("name"),
            lastname: parameters.string("lastname"), attributes: attributes(parameters), managerID: parameters.int("manager_id"))
        return try await call.write(.updateUser(id: try parameters.requiredInt("id"), changes: changes)) { _, _ in
            StatusAnswer.ok().json
        }
    }

    static func disableUser(_ call: Call) async throws(Refusal) -> JSONValue {
        try await call.write(.disableUser(id: try call.parameters.requiredInt("id"))) { _, _ in StatusAnswer.ok().json }
    }

    static func enableUser(_ call: Call) async throws(Refusal) -> JSONValue {
        try await call.write(.enableUser(id: try call.parameters.requiredInt("id"))) { _, _ in StatusAnswer.ok().json }
    }

    /// Answered as the API would (the account is deleted for good), and recorded: deskform never sends it.
    static func deleteUser(_ call: Call) async throws(Refusal) -> JSONValue {
        try await call.store.deleteUser(try call.parameters.requiredInt("id"))
        return StatusAnswer.ok().json
    }

    /// The attributes a write sends (an empty one clears it), by the names `user` POST and PUT take.
    private static func attributes(_ parameters: FormParameters) -> [UserAttribute: String] {
        var attributes: [UserAttribute: String] = [:]
        for attribute in UserAttribute.allCases {
            if let value = parameters.string(attribute.parameterName) { attributes[attribute] = value }
        }
        return attributes
    }

    /// The user's fields, with `status: OK`.
    private static func userAnswer(_ user: User) -> JSONValue {
        guard case .object(let pairs) = userRecord(user).json else { return StatusAnswer.ok().json }
        return StatusAnswer.ok(pairs).json
    }
}
