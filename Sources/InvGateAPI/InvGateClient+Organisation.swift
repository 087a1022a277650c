import InvGateWire

/// Companies, groups and locations.
extension InvGateClient {
    public func companies() async throws(InvGateError) -> [CompanyRecord] {
        try await list(.companies, decoding: CompanyRecord.init(json:))
    }

    /// The groups related to a company.
    public func companyGroups(company: Int) async throws(InvGateError) -> [GroupRecord] {
        try await list(.companiesGroups, ["id": .integer(company)], decoding: GroupRecord.init(json:))
    }

    public func groups() async throws(InvGateError) -> [GroupRecord] {
        try await list(.groups, decoding: GroupRecord.init(json:))
    }

    public func locations() async throws(InvGateError) -> [LocationRecord] {
        try await list(.locations, decoding: LocationRecord.init(json:))
    }
}
