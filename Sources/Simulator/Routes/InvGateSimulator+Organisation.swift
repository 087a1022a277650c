import EstateModel
import InvGateWire

/// `companies`, `companies.groups`, `groups` and `locations`.
extension InvGateSimulator {
    static func listCompanies(_ call: Call) async throws(Refusal) -> JSONValue {
        let id = call.parameters.int("id")
        let externalID = call.parameters.nonEmptyString("external_id")
        let name = call.parameters.nonEmptyString("name")
        return try await call.read { estate in
            .array(
                estate.companies.inIDOrder
                    .filter { id.admits($0.id) && name.admits($0.name) && (externalID == nil || externalID == $0.externalID) }
                    .map { CompanyRecord(id: $0.id, name: $0.name, externalID: $0.externalID, total: $0.members.count).json })
        }
    }

    static func createCompany(_ call: Call) async throws(Refusal) -> JSONValue {
        let operation = EstateOperation.createCompany(
            name: try call.parameters.requiredString("name"), externalID: call.parameters.string("external_id"))
        return try await call.write(operation) { result, estate in
            guard case .created(let id) = result, let company = estate.companies[id] else { return StatusAnswer.ok().json }
            return companyAnswer(company)
        }
    }

    static func updateCompany(_ call: Call) async throws(Refusal) -> JSONValue {
        let id = try call.parameters.requiredInt("id")
        let operation = EstateOperation.updateCompany(
            id: id, name: call.parameters.string("name"), externalID: call.parameters.string("external_id"))
        return try await call.write(operation) { _, estate in
            estate.companies[id].map(companyAnswer) ?? StatusAnswer.ok().json
        }
    }

    /// `{id, external_id, name, status}`.
    private static func companyAnswer(_ company: Company) -> JSONValue {
        StatusAnswer.ok([
            ("id", .int(company.id)), ("external_id", .optional(company.externalID)), ("name", .string(company.name)),
        ]).json
    }

    static func deleteCompany(_ call: Call) async throws(Refusal) -> JSONValue {
        try await call.write(.deleteCompany(id: try call.parameters.requiredInt("id"))) { _, _ in StatusAnswer.ok().json }
    }

    static func listCompanyGroups(_ call: Call) async throws(Refusal) -> JSONValue {
        let id = try call.parameters.requiredInt("id")
        return try await call.read { estate throws(Refusal) in
            guard let company = estate.companies[id] else { throw .estate(.unknown(kind: "company", id: "\(id)")) }
            return .array(
                company.groups.sorted().compactMap { estate.groups[$0] }
                    .map { GroupRecord(id: $0.id, name: $0.name, total: $0.members.count).json })
        }
    }

    static func relateGroups(_ call: Call) async throws(Refusal) -> JSONValue {
        let operation = EstateOperation.relateGroups(
            company: try call.parameters.requiredInt("id"), groups: try call.parameters.requiredIDs("groups"))
        return try await call.write(operation) { result, _ in relations(result).mapJSON }
    }

    static func unrelateGroups(_ call: Call) async throws(Refusal) -> JSONValue {
        let operation = EstateOperation.unrelateGroups(
            company: try call.parameters.requiredInt("id"), groups: try call.parameters.requiredIDs("groups"),
            unlinkUsers: call.parameters.bool("unlink_users_too") ?? false)
        return try await call.write(operation) { result, _ in relations(result).mapJSON }
    }

    static func listGroups(_ call: Call) async throws(Refusal) -> JSONValue {
        let id = call.parameters.int("id")
        let name = call.parameters.nonEmptyString("name")
        return try await call.read { estate in
            .array(
                estate.groups.inIDOrder.filter { id.admits($0.id) && name.admits($0.name) }
                    .map { GroupRecord(id: $0.id, name: $0.name, total: $0.members.count).json })
        }
    }

    static func createGroup(_ call: Call) async throws(Refusal) -> JSONValue {
        try await call.write(.createGroup(name: try call.parameters.requiredString("name"))) { result, _ in
            createdAnswer(result)
        }
    }

    static func deleteGroup(_ call: Call) async throws(Refusal) -> JSONValue {
        try await call.write(.deleteGroup(id: try call.parameters.requiredInt("id"))) { _, _ in StatusAnswer.ok().json }
    }

    static func listLocations(_ call: Call) async throws(Refusal) -> JSONValue {
        let id = call.parameters.int("id")
        return try await call.read { estate in
            .array(
                estate.locations.inIDOrder.filter { id.admits($0.id) }
                    .map { LocationRecord(id: $0.id, name: $0.name, parentID: $0.parentID, total: $0.members.count).json })
        }
    }

    static func createLocation(_ call: Call) async throws(Refusal) -> JSONValue {
        let operation = EstateOperation.createLocation(
            name: try call.parameters.requiredString("name"), parentID: call.parameters.int("parent_id"))
        return try await call.write(operation) { result, _ in createdAnswer(result) }
    }

    static func deleteLocation(_ call: Call) async throws(Refusal) -> JSONValue {
        try await call.write(.deleteLocation(id: try call.parameters.requiredInt("id"))) { _, _ in StatusAnswer.ok().json }
    }

    /// `{id}`, as `POST groups` and `POST locations` answer.
    static func createdAnswer(_ result: OperationResult) -> JSONValue {
        guard case .created(let id) = result else { return StatusAnswer.ok().json }
        return .object([("id", .int(id))])
    }

    static func relations(_ result: OperationResult) -> RelationAnswer {
        guard case .relations(let changed) = result else { return RelationAnswer([:]) }
        return RelationAnswer(changed)
    }
}
