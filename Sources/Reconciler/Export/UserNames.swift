import EstateModel
import Manifest

/// How export writes each live user: by username; by email when the username is empty, not unique
/// (case-insensitively, as the instance compares them) or would read back as something else; by
/// numeric id when neither works. A deleted user (`is_deleted`) is never written: it is not a user a
/// manifest may name, and its username or email does not make a live user's ambiguous.
struct UserNames: Sendable {
    private let written: [Int: UserReference.Key]
    /// Users the instance lists as deleted.
    let deleted: Set<Int>

    init(_ allUsers: [Int: User]) {
        let users = allUsers.filter { !$0.value.isDeleted }
        deleted = Set(allUsers.keys).subtracting(users.keys)
        var usernameCount: [String: Int] = [:]
        var emailCount: [String: Int] = [:]
        for user in users.values {
            if !user.username.isEmpty { usernameCount[user.username.lowercased(), default: 0] += 1 }
            if !user.email.isEmpty { emailCount[user.email.lowercased(), default: 0] += 1 }
        }
        var written: [Int: UserReference.Key] = [:]
        for user in users.values {
            if usernameCount[user.username.lowercased()] == 1, NameRules.isWritableUser(user.username),
                case .username = UserReference(parsing: user.username).key
            {
                written[user.id] = .username(user.username)
            } else if emailCount[user.email.lowercased()] == 1, NameRules.isWritableUser(user.email),
                NameRules.looksLikeEmail(user.email), case .email = UserReference(parsing: user.email).key
            {
                written[user.id] = .email(user.email)
            } else if user.id > 0 {
                written[user.id] = .id(user.id)
            }
        }
        self.written = written
    }

    /// The written form of one user; nil for an id the instance did not list, or lists as deleted.
    func reference(_ id: Int) -> UserReference.Key? { written[id] }

    /// The users of a relation, sorted by their written form; nil when one of them is not a known user
    /// (the relation cannot be written without changing it). `missing` receives the unknown ids.
    func references(_ ids: Set<Int>, missing: inout [Int]) -> [UserReference]? {
        var keys: [UserReference.Key] = []
        for id in ids.sorted() {
            if let key = written[id] { keys.append(key) } else { missing.append(id) }
        }
        guard keys.count == ids.count else { return nil }
        return
            keys
            .sorted { ($0.description.lowercased(), $0.description) < ($1.description.lowercased(), $1.description) }
            .map { UserReference($0) }
    }
}
