import InvGateWire

/// Users: read only, to resolve usernames and emails to ids.
extension InvGateClient {
    /// Every user (or `ids` only); disabled ones too when asked.
    package func users(ids: [Int]? = nil, includeDisabled: Bool = true) async throws(InvGateError) -> [UserRecord] {
        var parameters: FormParameters = ["include_disabled": .boolean(includeDisabled)]
        if let ids { parameters["ids"] = .array(ids) }
        return try await list(.users, parameters, decoding: UserRecord.init(json:))
    }

    /// One user, or nil: the API answers a bare `false` for a missing user.
    package func user(id: Int, includeDisabled: Bool = true) async throws(InvGateError) -> UserRecord? {
        let json = try await get(.user, ["id": .integer(id), "include_disabled": .boolean(includeDisabled)])
        return try optionalUser(json, .user)
    }

    /// The user with exactly this username or email, or nil.
    package func user(username: String? = nil, email: String? = nil) async throws(InvGateError) -> UserRecord? {
        var parameters = FormParameters()
        if let username { parameters["username"] = .string(username) }
        if let email { parameters["email"] = .string(email) }
        return try optionalUser(await get(.userBy, parameters), .userBy)
    }

    /// One page (10 users) of a search by username or email.
    package func usersPage(
        username: String? = nil, email: String? = nil, exactMatch: Bool = false, includeDisabled: Bool = true,
        pageKey: String? = nil
    ) async throws(InvGateError) -> UsersPage {
        var parameters: FormParameters = ["exact_match": .boolean(exactMatch), "include_disabled": .boolean(includeDisabled)]
        if let username { parameters["username"] = .string(username) }
        if let email { parameters["email"] = .string(email) }
        if let pageKey { parameters["page_key"] = .string(pageKey) }
        let json = try await get(.usersBy, parameters)
        do {
            return try UsersPage(json: json)
        } catch {
            throw InvGateError(.usersBy, .get, .malformedAnswer(error.description))
        }
    }

    /// The groups, companies, help desks and locations of many users in one call.
    package func userMemberships(ids: [Int]) async throws(InvGateError) -> [UserMembershipsRecord] {
        try await list(.usersGroups, ["ids": .array(ids)], decoding: UserMembershipsRecord.init(json:))
    }

    private func optionalUser(_ json: JSONValue, _ endpoint: Endpoint) throws(InvGateError) -> UserRecord? {
        if json.bool == false || json.isNull || json.elements?.isEmpty == true { return nil }
        let record = json.elements?.first ?? json
        do {
            return try UserRecord(json: record)
        } catch {
            throw InvGateError(endpoint, .get, .malformedAnswer(error.description))
        }
    }
}
