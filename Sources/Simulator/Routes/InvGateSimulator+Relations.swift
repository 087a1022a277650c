import EstateModel
import InvGateWire

/// `*.users` and `*.observers`.
extension InvGateSimulator {
    /// GET, POST and DELETE of `companies.users`, `groups.users` or `locations.users`. Companies and
    /// groups answer `{"<user>": true}`; locations `[{"id": user, "value": true}]`.
    static func members(_ kind: MembershipTarget.Kind) -> [Method: Handler] {
        let asList = kind == .location
        let render: @Sendable (RelationAnswer) -> JSONValue = { answer in asList ? answer.listJSON : answer.mapJSON }
        return [
            .get: { call throws(Refusal) in
                let target = MembershipTarget(kind, id: try call.parameters.requiredInt("id"))
                let userID = call.parameters.int("user_id")
                return try await call.read { estate throws(Refusal) in
                    guard let members = estate.members(of: target) else { throw .estate(target.unknown) }
                    return .array(
                        members.sorted().filter { userID.admits($0) }.compactMap { estate.users[$0] }
                            .map { MemberRecord(id: $0.id, username: $0.username, name: $0.fullName, email: $0.email).json })
                }
            },
            .post: { call throws(Refusal) in
                let operation = EstateOperation.addMembers(
                    MembershipTarget(kind, id: try call.parameters.requiredInt("id")), users: try call.parameters.requiredIDs("users"))
                return try await call.write(operation) { result, _ in render(relations(result)) }
            },
            .delete: { call throws(Refusal) in
                let operation = EstateOperation.removeMembers(
                    MembershipTarget(kind, id: try call.parameters.requiredInt("id")), users: try call.parameters.requiredIDs("users"))
                return try await call.write(operation) { result, _ in render(relations(result)) }
            },
        ]
    }

    /// GET (all, or `ids[]`), POST and DELETE of the `*.observers` endpoints. Writes answer
    /// `[{"id": user, "value": changed}]`.
    static func observers(_ kind: ObservedEntity.Kind) -> [Method: Handler] {
        [
            .get: { call throws(Refusal) in
                let ids = try call.parameters.ids("ids").map(Set.init)
                return try await call.read { estate in
                    .array(kind.observerRecords(in: estate).filter { ids?.contains($0.id) ?? true }.map(\.json))
                }
            },
            .post: { call throws(Refusal) in
                let operation = EstateOperation.addObservers(
                    ObservedEntity(kind, id: try call.parameters.requiredInt("id")),
                    users: try call.parameters.requiredIDs("observer_users"))
                return try await call.write(operation) { result, _ in relations(result).listJSON }
            },
            .delete: { call throws(Refusal) in
                let operation = EstateOperation.removeObservers(
                    ObservedEntity(kind, id: try call.parameters.requiredInt("id")),
                    users: try call.parameters.requiredIDs("observer_users"))
                return try await call.write(operation) { result, _ in relations(result).listJSON }
            },
        ]
    }
}

extension MembershipTarget {
    var unknown: EstateError {
        switch self {
        case .company(let id): .unknown(kind: "company", id: "\(id)")
        case .group(let id): .unknown(kind: "group", id: "\(id)")
        case .location(let id): .unknown(kind: "location", id: "\(id)")
        }
    }
}

extension ObservedEntity.Kind {
    /// Every entity of this kind with its observers, in id order.
    func observerRecords(in estate: Estate) -> [ObserversRecord] {
        func record(_ id: Int, _ name: String, _ users: Set<Int>, _ groups: Set<Int>) -> ObserversRecord {
            ObserversRecord(id: id, name: name, observerUsers: users.sorted(), observerGroups: groups.sorted())
        }
        switch self {
        case .company: return estate.companies.inIDOrder.map { record($0.id, $0.name, $0.observers, $0.observerGroups) }
        case .group: return estate.groups.inIDOrder.map { record($0.id, $0.name, $0.observers, $0.observerGroups) }
        case .location: return estate.locations.inIDOrder.map { record($0.id, $0.name, $0.observers, $0.observerGroups) }
        case .helpdesk: return estate.helpdesks.inIDOrder.map { record($0.id, $0.name, $0.observers, $0.observerGroups) }
        case .level: return estate.levels.inIDOrder.map { record($0.id, $0.name, $0.observers, $0.observerGroups) }
        }
    }
}
