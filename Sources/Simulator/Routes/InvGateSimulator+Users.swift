import EstateModel
import Foundation
import InvGateWire

/// `users`, `user`, `user.by`, `users.by`, `users.groups` and `sd.version`: read-only.
extension InvGateSimulator {
    /// Every user, or `ids[]` only; disabled users only with `include_disabled`.
    static func listUsers(_ call: Call) async throws(Refusal) -> JSONValue {
        let ids = try call.parameters.ids("ids").map(Set.init)
        let includeDisabled = call.parameters.bool("include_disabled") ?? false
        return try await call.read { estate in
            .array(
                estate.users.inIDOrder
                    .filter { (ids?.contains($0.id) ?? true) && (includeDisabled || !$0.isDisabled) }
                    .map { userRecord($0).json })
        }
    }

    /// The user, or a bare `false` when there is none (or it is disabled and not asked for).
    static func user(_ call: Call) async throws(Refusal) -> JSONValue {
        let id = try call.parameters.requiredInt("id")
        let includeDisabled = call.parameters.bool("include_disabled") ?? false
        return try await call.read { estate in
            guard let user = estate.users[id], includeDisabled || !user.isDisabled else { return .bool(false) }
            return userRecord(user).json
        }
    }

    /// The user with exactly this username or email (case-insensitive), or a bare `false`.
    static func userBy(_ call: Call) async throws(Refusal) -> JSONValue {
        let username = call.parameters.nonEmptyString("username")?.lowercased()
        let email = call.parameters.nonEmptyString("email")?.lowercased()
        guard username != nil || email != nil else { throw .invalid("The parameter username or email is required.") }
        return try await call.read { estate in
            let found = estate.users.inIDOrder.first {
                (username == nil || $0.username.lowercased() == username)
                    && (email == nil || $0.email.lowercased() == email)
            }
            return found.map { userRecord($0).json } ?? .bool(false)
        }
    }

    /// Users whose username and email contain the terms (or equal them, with `exact_match`), ten a
    /// page. The simulator keeps no phone numbers or employee numbers: searching by one finds nobody.
    static func usersBy(_ call: Call) async throws(Refusal) -> JSONValue {
        let parameters = call.parameters
        let exact = parameters.bool("exact_match") ?? false
        let includeDisabled = parameters.bool("include_disabled") ?? false
        let username = parameters.nonEmptyString("username")
        let email = parameters.nonEmptyString("email")
        let unmatchable = [
            "phone", "office_phone", "fax_phone", "mobile_phone", "other_phone", "phones", "employee_number",
        ].contains { parameters.nonEmptyString($0) != nil }
        let offset = try UsersPageKey.offset(parameters.nonEmptyString("page_key"))
        return try await call.read { estate in
            func matches(_ value: String, _ term: String?) -> Bool {
                guard let term else { return true }
                return exact ? value.lowercased() == term.lowercased() : value.lowercased().contains(term.lowercased())
            }
            let found =
                unmatchable
                ? []
                : estate.users.inIDOrder.filter {
                    (includeDisabled || !$0.isDisabled) && matches($0.username, username) && matches($0.email, email)
                }
            let page = found.dropFirst(offset).prefix(UsersPageKey.pageSize)
            let next = offset + page.count < found.count ? UsersPageKey.key(offset: offset + page.count) : nil
            return UsersPage(users: page.map(userRecord), nextPageKey: next).json
        }
    }

    /// Groups, companies, help desks (and levels) and locations each user belongs to or observes.
    static func userMemberships(_ call: Call) async throws(Refusal) -> JSONValue {
        let ids = try call.parameters.requiredIDs("ids")
        let (estate, index) = await call.store.membershipSnapshot()
        return .array(Set(ids).sorted().compactMap { estate.users[$0] }.map { index.record(of: $0).json })
    }

    /// `{"version": "…"}`.
    static func version(_ call: Call) async throws(Refusal) -> JSONValue {
        try await call.read { estate in .object([("version", .string(estate.version))]) }
    }

    static func userRecord(_ user: User) -> UserRecord {
        UserRecord(
            id: user.id, username: user.username, email: user.email, name: user.name, lastname: user.lastname,
            isDisabled: user.isDisabled, isDeleted: user.isDeleted, userType: user.userType, source: user.source.rawValue,
            attributes: user.attributes, managerID: user.managerID)
    }
}

/// The opaque `page_key` of `users.by`: where the next page starts.
enum UsersPageKey {
    static let pageSize = 10
    private static let prefix = "users.by:"

    static func key(offset: Int) -> String {
        Data((prefix + String(offset)).utf8).base64EncodedString()
    }

    /// The offset a key stands for; nil is the first page.
    static func offset(_ key: String?) throws(Refusal) -> Int {
        guard let key else { return 0 }
        guard let data = Data(base64Encoded: key), let text = String(data: data, encoding: .utf8),
            text.hasPrefix(prefix), let offset = Int(text.dropFirst(prefix.count)), offset >= 0
        else { throw .invalid("The page_key \(key) is not valid.") }
        return offset
    }
}
