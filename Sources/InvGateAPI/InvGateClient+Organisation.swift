import EstateModel
import InvGateWire

/// Companies, groups and locations; the members and observers of what has them.
extension InvGateClient {
    package func companies() async throws(InvGateError) -> [CompanyRecord] {
        try await list(.companies, decoding: CompanyRecord.init(json:))
    }

    /// The groups related to a company.
    package func companyGroups(company: Int) async throws(InvGateError) -> [GroupRecord] {
        try await list(.companiesGroups, ["id": .integer(company)], decoding: GroupRecord.init(json:))
    }

    package func groups() async throws(InvGateError) -> [GroupRecord] {
        try await list(.groups, decoding: GroupRecord.init(json:))
    }

    package func locations() async throws(InvGateError) -> [LocationRecord] {
        try await list(.locations, decoding: LocationRecord.init(json:))
    }

    package func members(of kind: MembershipTarget.Kind, id: Int) async throws(InvGateError) -> [MemberRecord] {
        try await list(kind.endpoint, ["id": .integer(id)], decoding: MemberRecord.init(json:))
    }

    /// The observers of every entity of a kind, or of `ids` only.
    package func observers(of kind: ObservedEntity.Kind, ids: [Int]? = nil) async throws(InvGateError) -> [ObserversRecord] {
        var parameters = FormParameters()
        if let ids { parameters["ids"] = .array(ids) }
        return try await list(kind.endpoint, parameters, decoding: ObserversRecord.init(json:))
    }
}
