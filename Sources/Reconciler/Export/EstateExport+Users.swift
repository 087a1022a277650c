import EstateModel
import Manifest

extension EstateExport.Builder {
    /// Every account that is not deleted, by its username: its email, names and the attributes that are
    /// not empty, its manager, and `disabled: true` when it is. Memberships are written on the groups',
    /// companies' and locations' side (their `members`), never on the user's, so each pair is written once.
    /// An account whose username cannot identify it in a manifest is left out, with a warning.
    mutating func accounts() -> [DeclaredUser] {
        let accounts = estate.users.values.filter { !$0.isDeleted }
        var count: [String: Int] = [:]
        for user in accounts { count[user.username.lowercased(), default: 0] += 1 }
        var declared: [DeclaredUser] = []
        for user in accounts.sorted(by: { ($0.username.lowercased(), $0.id) < ($1.username.lowercased(), $1.id) }) {
            let username = user.username
            let problem: String? =
                if username.isEmpty { "it has no username" }
                else if count[username.lowercased()]! > 1 { "its username \(Self.quoted(username)) is another account's too, but for case" }
                else if Int(username) != nil { "its username \(Self.quoted(username)) is a number, which a manifest reads as an id" }
                else if !NameRules.isWritableUser(username) { "its username \(Self.quoted(username)) cannot be written in a manifest" }
                else { nil }
            if let problem {
                warnings.append("user id \(user.id) skipped: \(problem)")
                continue
            }
            var written = DeclaredUser(username: username)
            written.email = user.email.isEmpty ? nil : Located(user.email)
            written.name = user.name.isEmpty ? nil : Located(user.name)
            written.lastname = user.lastname.isEmpty ? nil : Located(user.lastname)
            written.attributes = user.attributes.mapValues { Located($0) }
            if let manager = user.managerID {
                if let key = users.reference(manager) {
                    written.manager = UserReference(key)
                } else {
                    warnings.append("user '\(username)': 'manager' left out (unmanaged): user id \(manager) is not among the instance's users")
                }
            }
            if user.isDisabled { written.disabled = Located(true) }
            declared.append(written)
        }
        return declared
    }
}
