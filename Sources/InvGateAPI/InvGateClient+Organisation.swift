import InvGateWire

/// Companies, groups and locations.
extension InvGateClient {
    public func companies() async throws(InvGateError) -> [CompanyRecord] {
        try decodeList(await call(.companies, .get), .companies, .get, CompanyRecord.init(json:))
    }

    /// Creates a company and returns its id.
    public func createCompany(name: String, externalID: String? = nil) async throws(InvGateError) -> Int {
        var parameters: FormParameters = ["name": .string(name)]
        if let externalID { parameters["external_id"] = .string(externalID) }
        return try createdID(await call(.companies, .post, parameters), .companies)
    }

    /// Renames a company or changes its external id; nil leaves a field as it is.
    public func updateCompany(id: Int, name: String? = nil, externalID: String? = nil) async throws(InvGateError) {
        var parameters: FormParameters = ["id": .integer(id)]
        if let name { parameters["name"] = .string(name) }
        if let externalID { parameters["external_id"] = .string(externalID) }
        _ = try await call(.companies, .put, parameters)
    }

    public func deleteCompany(id: Int) async throws(InvGateError) {
        _ = try await call(.companies, .delete, ["id": .integer(id)])
    }

    /// The groups related to a company.
    public func companyGroups(company: Int) async throws(InvGateError) -> [GroupRecord] {
        try decodeList(await call(.companiesGroups, .get, ["id": .integer(company)]), .companiesGroups, .get, GroupRecord.init(json:))
    }

    public func relateGroups(company: Int, groups: [Int]) async throws(InvGateError) -> RelationAnswer {
        try decodeRelations(await call(.companiesGroups, .post, ["id": .integer(company), "groups": .array(groups)]), .companiesGroups, .post)
    }

    /// With `unlinkUsers`, the company's users also leave the groups.
    public func unrelateGroups(company: Int, groups: [Int], unlinkUsers: Bool) async throws(InvGateError) -> RelationAnswer {
        let parameters: FormParameters = [
            "id": .integer(company), "groups": .array(groups), "unlink_users_too": .boolean(unlinkUsers),
        ]
        return try decodeRelations(await call(.companiesGroups, .delete, parameters), .companiesGroups, .delete)
    }

    public func groups() async throws(InvGateError) -> [GroupRecord] {
        try decodeList(await call(.groups, .get), .groups, .get, GroupRecord.init(json:))
    }

    /// Creates a group and returns its id.
    public func createGroup(name: String) async throws(InvGateError) -> Int {
        try createdID(await call(.groups, .post, ["name": .string(name)]), .groups)
    }

    public func deleteGroup(id: Int) async throws(InvGateError) {
        _ = try await call(.groups, .delete, ["id": .integer(id)])
    }

    public func locations() async throws(InvGateError) -> [LocationRecord] {
        try decodeList(await call(.locations, .get), .locations, .get, LocationRecord.init(json:))
    }

    /// Creates a location below `parentID` (nil: at the root) and returns its id.
    public func createLocation(name: String, parentID: Int? = nil) async throws(InvGateError) -> Int {
        var parameters: FormParameters = ["name": .string(name)]
        if let parentID { parameters["parent_id"] = .integer(parentID) }
        return try createdID(await call(.locations, .post, parameters), .locations)
    }

    /// Deletes a location and every sublocation.
    public func deleteLocation(id: Int) async throws(InvGateError) {
        _ = try await call(.locations, .delete, ["id": .integer(id)])
    }
}

extension InvGateClient {
    func decodeList<Record>(
        _ json: JSONValue, _ endpoint: Endpoint, _ method: Method,
        _ element: (JSONValue) throws(RecordDecodingError) -> Record
    ) throws(InvGateError) -> [Record] {
        do {
            return try Array.decode(json, record: endpoint.rawValue, element)
        } catch {
            throw InvGateError(endpoint, method, .malformedAnswer(error.description))
        }
    }

    func decodeRelations(_ json: JSONValue, _ endpoint: Endpoint, _ method: Method) throws(InvGateError) -> RelationAnswer {
        do {
            return try RelationAnswer(json: json)
        } catch {
            throw InvGateError(endpoint, method, .malformedAnswer(error.description))
        }
    }

    func createdID(_ json: JSONValue, _ endpoint: Endpoint) throws(InvGateError) -> Int {
        guard let id = StatusAnswer(json: json).createdID else {
            throw InvGateError(endpoint, .post, .malformedAnswer("no id in \(String(decoding: json.serialized().prefix(120), as: UTF8.self))"))
        }
        return id
    }
}
