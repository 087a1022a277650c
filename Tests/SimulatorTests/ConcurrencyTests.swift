import EstateModel
import InvGateAPI
import Simulator
import TestSupport
import Testing

@Suite struct ConcurrencyTests {
    /// 50 clients write at once through the live server; not one write is lost or torn.
    @Test func concurrentClientsLoseNoWrites() async throws {
        var estate = Seed.demoEstate
        try estate.apply(.createCompany(name: "Acme", externalID: nil))
        let start = estate
        let clients = 50
        try await withLiveSimulator(estate: start, maxConnections: clients) { simulator in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 1...clients {
                    let client = simulator.client(retryPolicy: .standard)
                    let user = index % 21 + 1
                    group.addTask {
                        let team = try await client.create(.createGroup(name: "Team \(index)"))
                        _ = try await client.relations(.addMembers(.group(team), users: [user]))
                        _ = try await client.relations(.addMembers(.company(1), users: [user]))
                        _ = try await client.relations(.addObservers(.helpdesk(1), users: [user]))
                        _ = try await client.relations(.addObservers(.level(3 + index % 4), users: [user]))
                        _ = try await client.create(.createLocation(name: "Site \(index)", parentID: nil))
                        _ = try await client.create(.createKBCategory(name: "Topic \(index)", parentID: nil))
                        try await client.send(
                            .upsertListOptions(field: 1, options: [ListOption(key: "k\(index)", value: "Value \(index)")]))
                        try await client.send(.addTreeOption(field: 2, name: "Node \(index)", key: "n\(index)", parentHash: nil))
                    }
                }
                try await group.waitForAll()
            }
            let final = await simulator.store.estate
            let indices = Array(1...clients)
            func user(_ index: Int) -> Int { index % 21 + 1 }

            #expect(final.groups.keys.sorted() == indices)
            #expect(
                Set(final.groups.values.map { "\($0.name)=\($0.members.sorted())" })
                    == Set(indices.map { "Team \($0)=[\(user($0))]" }))
            #expect(final.companies[1]?.members == Set(indices.map(user)))
            #expect(final.helpdesks[1]?.observers == Set(indices.map(user)))
            for level in 3...6 {
                #expect(final.levels[level]?.observers == Set(indices.filter { 3 + $0 % 4 == level }.map(user)))
            }
            #expect(final.locations.keys.sorted() == indices)
            #expect(Set(final.locations.values.map(\.name)) == Set(indices.map { "Site \($0)" }))
            #expect(final.locations.values.allSatisfy { $0.parentID == nil })
            #expect(final.kbCategories.keys.sorted() == indices)
            #expect(Set(final.kbCategories.values.map(\.name)) == Set(indices.map { "Topic \($0)" }))
            let list = try #require(final.customFields[1]?.listOptions)
            #expect(Array(list.prefix(3)) == start.customFields[1]?.listOptions)
            #expect(Set(list.dropFirst(3)) == Set(indices.map { ListOption(key: "k\($0)", value: "Value \($0)") }))
            let tree = try #require(final.customFields[2]?.treeOptions)
            #expect(TreeOptions(tree.prefix(5)) == start.customFields[2]?.treeOptions)
            #expect(Set(tree.dropFirst(5).map { "\($0.key)=\($0.name)" }) == Set(indices.map { "n\($0)=Node \($0)" }))
            #expect(Set(tree.map(\.hash)) == Set((1...(5 + clients)).map { Estate.optionHash(field: 2, serial: $0) }))
            #expect(final.users == start.users)
        }
    }
}
