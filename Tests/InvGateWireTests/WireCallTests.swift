import EstateModel
import InvGateWire
import Testing

@Suite("Wire calls: an operation's call, and whether it may be repeated")
struct WireCallTests {
    static let creates: [EstateOperation] = [
        .createCompany(name: "Acme", externalID: "A-1"), .createGroup(name: "IT"), .createLocation(name: "Madrid", parentID: nil),
        .createKBCategory(name: "Network", parentID: 3), .addTreeOption(field: 2, name: "Paris", key: "par", parentHash: "h1"),
    ]

    static let idempotent: [EstateOperation] = [
        .updateCompany(id: 1, name: "Acme Corp", externalID: nil), .deleteCompany(id: 1),
        .relateGroups(company: 1, groups: [2]), .unrelateGroups(company: 1, groups: [2], unlinkUsers: true),
        .deleteGroup(id: 2), .deleteLocation(id: 3),
        .addMembers(.company(1), users: [4]), .removeMembers(.location(3), users: [4]),
        .addObservers(.level(5), users: [4]), .removeObservers(.helpdesk(1), users: [4]),
        .updateKBCategory(id: 6, name: nil, parentID: 0), .deleteKBCategory(id: 6),
        .upsertListOptions(field: 1, options: [ListOption(key: "it", value: "IT")]), .deleteListOptions(field: 1, keys: ["it"]),
        .updateTreeOption(field: 2, hash: "h1", name: "París", key: nil), .deleteTreeOption(field: 2, hash: "h1"),
    ]

    @Test("creates are CreateCalls: companies, groups, locations, KB categories and tree options", arguments: creates)
    func createsAreCreates(_ operation: EstateOperation) {
        let call = operation.wireCall
        #expect(call.method == .post)
        #expect(Self.create(call) == call)
    }

    @Test("every other write is an IdempotentCall", arguments: idempotent)
    func othersAreIdempotent(_ operation: EstateOperation) {
        let call = operation.wireCall
        #expect(Self.idempotent(call) == call)
    }

    @Test("reads are idempotent; a POST the catalogue does not list counts as a create")
    func readsAndUnlisted() {
        for endpoint in Endpoint.allCases {
            let read = WireCall(endpoint, .get, [:])
            #expect(Self.idempotent(read) == read, "\(endpoint.rawValue)")
        }
        let unlisted = WireCall(.users, .post, ["name": .string("x")])
        #expect(Self.create(unlisted) == unlisted)
    }

    @Test("membership and observer calls go to the target's own endpoint, with its id")
    func relationEndpoints() {
        #expect(
            EstateOperation.addMembers(.group(7), users: [1, 2]).wireCall
                == WireCall(.groupsUsers, .post, ["id": .integer(7), "users": .array([1, 2])]))
        #expect(
            EstateOperation.removeObservers(.level(4), users: [9]).wireCall
                == WireCall(.levelsObservers, .delete, ["id": .integer(4), "observer_users": .array([9])]))
        for kind in MembershipTarget.Kind.allCases {
            #expect(MembershipTarget(kind, id: 3).kind == kind && MembershipTarget(kind, id: 3).id == 3)
        }
        for kind in ObservedEntity.Kind.allCases {
            #expect(ObservedEntity(kind, id: 3).kind == kind && ObservedEntity(kind, id: 3).id == 3)
        }
    }

    /// The call, when it is delivered as a create.
    static func create(_ call: WireCall) -> WireCall? {
        if case .create(let create) = call.delivery { create.call } else { nil }
    }

    /// The call, when it is delivered as an idempotent call.
    static func idempotent(_ call: WireCall) -> WireCall? {
        if case .idempotent(let idempotent) = call.delivery { idempotent.call } else { nil }
    }
}
