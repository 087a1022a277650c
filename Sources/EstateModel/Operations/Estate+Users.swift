/// The API's semantics for user accounts: `user` POST and PUT, `user.disable`, `user.enable`, and the
/// `DELETE user` that only the simulator answers (no ``EstateOperation`` sends it: deskform never deletes a person).
extension Estate {
    /// `user` POST: name, last name and email are required; the username (the email when none is given)
    /// and the email must be free among the accounts that are not deleted; a manager must exist.
    mutating func createUser(_ fields: UserFields) throws(EstateError) -> Int {
        let name = try Self.require(fields.name, "name")
        let lastname = try Self.require(fields.lastname, "lastname")
        let email = try Self.require(fields.email, "email")
        let username = Self.nonEmpty(fields.username) ?? email
        try requireFree(username: username, email: email, except: nil)
        if let manager = fields.managerID, manager != 0 { try requireUser(manager) }
        let id = Swift.max(sequences.user, users.keys.max() ?? 0) + 1
        sequences.user = id
        users[id] = User(
            id: id, username: username, email: email, name: name, lastname: lastname,
            attributes: fields.attributes.filter { !$0.value.isEmpty },
            managerID: fields.managerID.flatMap { $0 == 0 ? nil : $0 })
        return id
    }

    /// `user` PUT. A directory (LDAP) account is refused: the directory owns its attributes.
    mutating func updateUser(_ id: Int, _ changes: UserChanges) throws(EstateError) {
        var user = try writableUser(id)
        if let username = changes.username { user.username = try Self.require(username, "username") }
        if let email = changes.email { user.email = try Self.require(email, "email") }
        if let name = changes.name { user.name = try Self.require(name, "name") }
        if let lastname = changes.lastname { user.lastname = try Self.require(lastname, "lastname") }
        try requireFree(username: user.username, email: user.email, except: id)
        for (attribute, value) in changes.attributes { user.attributes[attribute] = value.isEmpty ? nil : value }
        if let manager = changes.managerID {
            if manager == id { throw .invalid("A user cannot be their own manager.") }
            if manager != 0 { try requireUser(manager) }
            user.managerID = manager == 0 ? nil : manager
        }
        users[id] = user
    }

    /// `user.disable` and `user.enable`: idempotent, refused for a directory (LDAP) account.
    mutating func setDisabled(_ id: Int, _ disabled: Bool) throws(EstateError) {
        var user = try writableUser(id)
        user.isDisabled = disabled
        users[id] = user
    }

    /// `DELETE user`, which cannot be undone: the account stays listed as deleted. deskform never sends it;
    /// the simulator answers it (and records that it was sent).
    package mutating func deleteUser(_ id: Int) throws(EstateError) {
        guard var user = users[id], !user.isDeleted else { throw .unknown(kind: "user", id: "\(id)") }
        user.isDeleted = true
        users[id] = user
    }

    private func writableUser(_ id: Int) throws(EstateError) -> User {
        guard let user = users[id], !user.isDeleted else { throw .unknown(kind: "user", id: "\(id)") }
        guard !user.source.isDirectory else {
            throw .invalid("The user \(user.username) is synchronised from a directory (LDAP): change it in the directory.")
        }
        return user
    }

    private func requireUser(_ id: Int) throws(EstateError) {
        guard let user = users[id], !user.isDeleted else { throw .unknown(kind: "user", id: "\(id)") }
    }

    private func requireFree(username: String, email: String, except id: Int?) throws(EstateError) {
        for other in users.values where other.id != id && !other.isDeleted {
            if other.username.lowercased() == username.lowercased() {
                throw .invalid("The username \(username) is already used by another user.")
            }
            if other.email.lowercased() == email.lowercased() {
                throw .invalid("The email \(email) is already used by another user.")
            }
        }
    }

    private static func require(_ value: String, _ parameter: String) throws(EstateError) -> String {
        guard let value = nonEmpty(value) else { throw .invalid("The parameter \(parameter) cannot be empty.") }
        return value
    }
}
