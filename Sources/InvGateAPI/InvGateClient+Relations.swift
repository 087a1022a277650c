import InvGateWire

/// Memberships and observers.
extension InvGateClient {
    public func members(of kind: MembersEndpoint, id: Int) async throws(InvGateError) -> [MemberRecord] {
        try decodeList(await call(kind.endpoint, .get, ["id": .integer(id)]), kind.endpoint, .get, MemberRecord.init(json:))
    }

    /// Adds users in one call. Adding to a company also adds them to the company's groups.
    public func addMembers(_ users: [Int], to kind: MembersEndpoint, id: Int) async throws(InvGateError) -> RelationAnswer {
        try decodeRelations(
            await call(kind.endpoint, .post, ["id": .integer(id), "users": .array(users)]), kind.endpoint, .post)
    }

    /// Removes users in one call. Removing from a company also removes them from the company's groups.
    public func removeMembers(_ users: [Int], from kind: MembersEndpoint, id: Int) async throws(InvGateError) -> RelationAnswer {
        try decodeRelations(
            await call(kind.endpoint, .delete, ["id": .integer(id), "users": .array(users)]), kind.endpoint, .delete)
    }

    /// The observers of every entity of a kind, or of `ids` only.
    public func observers(of kind: ObserversEndpoint, ids: [Int]? = nil) async throws(InvGateError) -> [ObserversRecord] {
        var parameters = FormParameters()
        if let ids { parameters["ids"] = .array(ids) }
        return try decodeList(await call(kind.endpoint, .get, parameters), kind.endpoint, .get, ObserversRecord.init(json:))
    }

    /// Per user: `true` when it became an observer, `false` when it was one already or could not be.
    public func addObservers(_ users: [Int], to kind: ObserversEndpoint, id: Int) async throws(InvGateError) -> RelationAnswer {
        try decodeRelations(
            await call(kind.endpoint, .post, ["id": .integer(id), "observer_users": .array(users)]), kind.endpoint, .post)
    }

    public func removeObservers(_ users: [Int], from kind: ObserversEndpoint, id: Int) async throws(InvGateError) -> RelationAnswer {
        try decodeRelations(
            await call(kind.endpoint, .delete, ["id": .integer(id), "observer_users": .array(users)]), kind.endpoint, .delete)
    }
}
