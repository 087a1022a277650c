import EstateModel
import InvGateAPI
import InvGateWire
import Simulator
import TestSupport
import Testing

@Suite("Client against the live simulator")
struct ClientLiveTests {
    @Test("every endpoint and method of the catalogue, over a real loopback socket")
    func everyOperation() async throws {
        try await withLiveSimulator { simulator in
            let recorder = CountingTransport(simulator.transport)
            let api = InvGateClient(instanceURL: simulator.url, credentials: simulator.credentials, transport: recorder)

            #expect(try await api.version() == "7.5.0")
            #expect(try await api.users().count == 22)
            #expect(try await api.users(includeDisabled: false).count == 21)
            #expect(try await api.users(ids: [1, 22]).map(\.username) == ["alice", "oscar"])
            #expect(try await api.user(id: 1)?.email == "alice@acme.example")
            #expect(try await api.user(id: 999) == nil)
            #expect(try await api.user(username: "bob")?.id == 2)
            #expect(try await api.user(email: "nobody@acme.example") == nil)
            var pages: [UsersPage] = [try await api.usersPage(email: "acme.example")]
            while let key = pages.last?.nextPageKey { pages.append(try await api.usersPage(email: "acme.example", pageKey: key)) }
            #expect(pages.map(\.users.count) == [10, 10, 2])
            #expect(Set(pages.flatMap(\.users).map(\.id)) == Set(1...22))

            #expect(try await api.helpdesks().map(\.name) == ["Service Desk", "Field Services"])
            #expect(try await api.levels().map(\.levelOrder) == [1, 2, 1, 2])
            let desksAndLevels = try await api.helpdesksAndLevels()
            #expect(desksAndLevels.filter { $0.levelOrder != nil }.map(\.parentID) == [1, 1, 2, 2])
            #expect(try await api.relations(.addObservers(.helpdesk(1), users: [7])) == RelationAnswer([7: true]))
            #expect(try await api.observers(of: .helpdesk, ids: [1]).first?.observerUsers == [7])
            #expect(try await api.relations(.removeObservers(.helpdesk(1), users: [7])) == RelationAnswer([7: true]))
            #expect(try await api.relations(.addObservers(.level(4), users: [8])) == RelationAnswer([8: true]))
            let levelObservers = try await api.observers(of: .level)
            #expect(levelObservers.first { $0.id == 4 }.map { [$0.name ?? "", "\($0.observerUsers)"] } == ["Level 2", "[8]"])
            #expect(try await api.relations(.removeObservers(.level(4), users: [8, 9])) == RelationAnswer([8: true, 9: false]))

            let company = try await api.create(.createCompany(name: "Acme Inc", externalID: "ACME-001"))
            try await api.send(.updateCompany(id: company, name: "Acme Corp", externalID: nil))
            #expect(try await api.companies() == [CompanyRecord(id: company, name: "Acme Corp", externalID: "ACME-001", total: 0)])
            let group = try await api.create(.createGroup(name: "Acme IT"))
            #expect(try await api.groups().map(\.name) == ["Acme IT"])
            #expect(try await api.relations(.relateGroups(company: company, groups: [group])) == RelationAnswer([group: true]))
            #expect(try await api.companyGroups(company: company).map(\.id) == [group])
            _ = try await api.relations(.addMembers(.company(company), users: [1, 2, 3]))
            #expect(try await api.members(of: .group, id: group).map(\.username) == ["alice", "bob", "carol"])
            _ = try await api.relations(.removeMembers(.company(company), users: [3]))
            #expect(try await api.members(of: .company, id: company).map(\.id) == [1, 2])
            #expect(try await api.members(of: .group, id: group).map(\.id) == [1, 2])
            _ = try await api.relations(.addMembers(.group(group), users: [4]))
            _ = try await api.relations(.unrelateGroups(company: company, groups: [group], unlinkUsers: true))
            #expect(try await api.members(of: .group, id: group).map(\.id) == [4])
            _ = try await api.relations(.removeMembers(.group(group), users: [4]))
            _ = try await api.relations(.addObservers(.company(company), users: [5]))
            #expect(try await api.observers(of: .company, ids: [company]).first?.observerUsers == [5])
            _ = try await api.relations(.removeObservers(.company(company), users: [5]))
            _ = try await api.relations(.addObservers(.group(group), users: [6]))
            #expect(try await api.observers(of: .group).first?.observerUsers == [6])
            _ = try await api.relations(.removeObservers(.group(group), users: [6]))

            let madrid = try await api.create(.createLocation(name: "Madrid", parentID: nil))
            let floor = try await api.create(.createLocation(name: "Floor 2", parentID: madrid))
            #expect(try await api.locations().map(\.parentID) == [nil, madrid])
            #expect(try await api.relations(.addMembers(.location(floor), users: [6])) == RelationAnswer([6: true]))
            #expect(try await api.members(of: .location, id: floor).map(\.username) == ["frank"])
            _ = try await api.relations(.removeMembers(.location(floor), users: [6]))
            _ = try await api.relations(.addObservers(.location(madrid), users: [7]))
            #expect(try await api.observers(of: .location, ids: [madrid]).first?.observerUsers == [7])
            _ = try await api.relations(.removeObservers(.location(madrid), users: [7]))
            try await api.send(.deleteLocation(id: madrid))
            #expect(try await api.locations() == [])

            let it = try await api.create(.createKBCategory(name: "IT", parentID: nil))
            let network = try await api.create(.createKBCategory(name: "Network", parentID: it))
            try await api.send(.updateKBCategory(id: network, name: "Networking", parentID: 0))
            #expect(try await api.kbCategories(ids: [network]) == [KBCategoryRecord(id: network, name: "Networking", parentID: nil)])
            try await api.send(.deleteKBCategory(id: it))
            #expect(try await api.kbCategories().map(\.name) == ["Networking"])

            #expect(try await api.customFields().map(\.label) == ["Department", "Office", "Asset Tag"])
            #expect(try await api.customFieldTypes().contains(CustomFieldTypeRecord(id: 104, name: "Option List (Custom Keys)")))
            #expect(try await api.listOptions(field: 1).map(\.key) == ["sales", "it", "hr"])
            let upserted = try await api.send(
                .upsertListOptions(
                    field: 1,
                    options: [
                        ListOption(key: "it", value: "IT"), ListOption(key: "ops", value: "Operations & Co"),
                    ]))
            #expect(StatusAnswer(json: upserted).total == 1)
            #expect(StatusAnswer(json: try await api.send(.deleteListOptions(field: 1, keys: ["sales"]))).total == 1)
            #expect(try await api.listOptions(field: 1).map(\.value) == ["IT", "Human Resources", "Operations & Co"])
            let europe = try #require(try await api.treeOptions(field: 2).first { $0.key == "eu" })
            try await api.send(.addTreeOption(field: 2, name: "Paris", key: "par", parentHash: europe.hash))
            let paris = try #require(try await api.treeOptions(field: 2).first { $0.key == "eu" }?.children.first { $0.key == "par" })
            try await api.send(.updateTreeOption(field: 2, hash: paris.hash, name: "París", key: nil))
            #expect(try await api.treeOptions(field: 2).first { $0.key == "eu" }?.children.map(\.name) == ["Madrid", "Lisbon", "París"])
            try await api.send(.deleteTreeOption(field: 2, hash: europe.hash))
            #expect(try await api.treeOptions(field: 2).map(\.key) == ["am"])

            _ = try await api.userMemberships(ids: [1, 2])
            let hire = try await api.create(
                .createUser(UserFields(username: "hire", email: "hire@acme.example", name: "Hi", lastname: "Re", managerID: 1), invite: true))
            try await api.send(.updateUser(id: hire, changes: UserChanges(attributes: [.city: "Madrid", .otherEmail: "h@x.example"])))
            let updated = try await api.user(id: hire)
            #expect(updated?.attributes == [.city: "Madrid", .otherEmail: "h@x.example"] && updated?.managerID == 1)
            try await api.send(.disableUser(id: hire))
            #expect(try await api.user(id: hire)?.isDisabled == true)
            try await api.send(.enableUser(id: hire))
            // No operation of deskform sends DELETE user: it is sent here only to cover the catalogue, and recorded.
            _ = try await api.send(WireCall(.user, .delete, ["id": .integer(hire)]))
            #expect(await simulator.store.events == [.setPasswordMail(user: hire, email: "hire@acme.example"), .userDeleted(hire)])
            try await api.send(.deleteGroup(id: group))
            try await api.send(.deleteCompany(id: company))
            #expect(try await api.companies() == [])

            let catalogue = Set(Catalogue.operations.map { "\($0.method.rawValue) \($0.endpoint.rawValue)" })
            #expect(catalogue.subtracting(await recorder.log.calls.keys).sorted() == [])
        }
    }

    @Test("users.groups reports memberships and observed entities by id")
    func userMemberships() async throws {
        try await withLiveSimulator { simulator in
            let api = simulator.client
            let company = try await api.create(.createCompany(name: "Acme", externalID: nil))
            let group = try await api.create(.createGroup(name: "IT"))
            _ = try await api.relations(.relateGroups(company: company, groups: [group]))
            _ = try await api.relations(.addMembers(.company(company), users: [1]))
            _ = try await api.relations(.addObservers(.group(group), users: [1]))
            let records = try await api.userMemberships(ids: [1, 2])
            #expect(records.map(\.id) == [1, 2])
            #expect(records[0].companies == [company] && records[0].groups == [group] && records[0].groupsObserved == [group])
            #expect(records[1].companies == [] && records[1].groups == [])
        }
    }
}
