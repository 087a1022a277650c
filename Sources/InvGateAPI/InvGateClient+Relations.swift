import InvGateWire

/// Memberships and observers.
extension InvGateClient {
    public func members(of kind: MembersEndpoint, id: Int) async throws(InvGateError) -> [MemberRecord] {
        try await list(kind.endpoint, ["id": .integer(id)], decoding: MemberRecord.init(json:))
    }

    /// The observers of every entity of a kind, or of `ids` only.
    public func observers(of kind: ObserversEndpoint, ids: [Int]? = nil) async throws(InvGateError) -> [ObserversRecord] {
        var parameters = FormParameters()
        if let ids { parameters["ids"] = .array(ids) }
        return try await list(kind.endpoint, parameters, decoding: ObserversRecord.init(json:))
    }
}
