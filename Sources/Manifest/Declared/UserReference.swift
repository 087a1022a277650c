/// A user named in a manifest: by username, by email (a string with `@`) or by numeric id.
/// deskform never creates users; the planner resolves references against the live instance.
package struct UserReference: Hashable, Sendable {
    package enum Key: Hashable, Sendable, CustomStringConvertible {
        case username(String)
        case email(String)
        case id(Int)

        package var description: String {
            switch self {
            case .username(let name): name
            case .email(let email): email
            case .id(let id): String(id)
            }
        }

        /// What two references must share to be the same user for certain: usernames and emails compare
        /// case-insensitively (as the instance does), ids exactly.
        package var identity: String {
            switch self {
            case .username(let name): "u:" + name.lowercased()
            case .email(let email): "e:" + email.lowercased()
            case .id(let id): "i:\(id)"
            }
        }
    }

    package var key: Key
    package var position: SourceLocation

    package init(_ key: Key, at position: SourceLocation = .unknown) {
        self.key = key
        self.position = position
    }

    /// Reads a reference as written: digits only → id, contains `@` → email, else a username.
    package init(parsing text: String, at position: SourceLocation = .unknown) {
        if !text.isEmpty, text.allSatisfy(\.isASCII), let id = Int(text) {
            self.init(.id(id), at: position)
        } else if text.contains("@") {
            self.init(.email(text), at: position)
        } else {
            self.init(.username(text), at: position)
        }
    }
}

extension UserReference: CustomStringConvertible {
    package var description: String { key.description }
}
