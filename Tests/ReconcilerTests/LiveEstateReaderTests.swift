import EstateModel
import InvGateAPI
import Logging
import Reconciler
import TestSupport
import Testing

@Suite("Reading the live estate")
struct LiveEstateReaderTests {
    /// The demo seed plus companies, groups and locations with relations.
    static func populated() throws -> Estate {
        var estate = Fixtures.demoEstate
        for index in 1...3 {
            let company = try estate.apply(.createCompany(name: "Company \(index)", externalID: index == 1 ? "C-1" : nil))
            let group = try estate.apply(.createGroup(name: "Group \(index)"))
            guard case .created(let companyID) = company, case .created(let groupID) = group else { continue }
            try estate.apply(.relateGroups(company: companyID, groups: [groupID]))
            try estate.apply(.addMembers(.company(companyID), users: [index, index + 1]))
            try estate.apply(.addObservers(.group(groupID), users: [index + 5]))
            try estate.apply(.createLocation(name: "Site \(index)", parentID: nil))
        }
        try estate.apply(.addMembers(.location(1), users: [4]))
        try estate.apply(.createKBCategory(name: "IT", parentID: nil))
        try estate.apply(.addObservers(.level(4), users: [8]))
        return estate
    }

    /// What a reader with these settings reads of `scope` from a simulator holding `estate`, and the requests it sent.
    static func read(
        _ scope: FetchScope, from estate: Estate, parallelism: Int = 8, membershipBatchSize: Int = 200
    ) async throws -> (live: Estate, log: RequestLog) {
        try await withLiveSimulator(estate: estate) { simulator in
            let counting = CountingTransport(simulator.transport)
            let client = InvGateClient(instanceURL: simulator.url, credentials: simulator.credentials, transport: counting)
            let reader = LiveEstateReader(
                client: client, parallelism: parallelism, membershipBatchSize: membershipBatchSize, logger: Fixtures.quietLogger)
            return (try await reader.read(scope), counting.log)
        }
    }

    @Test("reads exactly what the simulator holds, each list once, memberships in users.groups batches when that is fewer calls")
    func readsEverything() async throws {
        let estate = try Self.populated()
        let (live, log) = try await Self.read(.everything, from: estate, parallelism: 4)
        #expect(live.companies == estate.companies)
        #expect(live.groups == estate.groups)
        #expect(live.locations == estate.locations)
        #expect(live.helpdesks == estate.helpdesks)
        #expect(live.levels == estate.levels)
        #expect(live.kbCategories == estate.kbCategories)
        #expect(live.customFields == estate.customFields)
        #expect(live.users.count == 22 && live.users[22]?.isDisabled == true)
        // 9 entities need 9 membership calls; 22 users make 1 batch of users.groups: batched wins.
        #expect(await log.calls["GET users.groups"] == 1)
        #expect(await log.calls["GET companies.users"] == nil)
        #expect(await log.calls["GET companies.groups"] == 3)
        #expect(await log.requests.count == 1 + 2 + 2 + 2 + 4 + 1 + 2 + 1 + 3 + 2)
    }

    @Test("per entity when there are fewer entities than user batches; only the kinds asked for")
    func perEntity() async throws {
        let estate = try Self.populated()
        let (live, log) = try await Self.read(FetchScope([.groups]), from: estate, membershipBatchSize: 5)
        #expect(live.groups == estate.groups)
        #expect(live.companies.isEmpty && live.locations.isEmpty)
        #expect(await log.calls == ["GET users": 1, "GET groups": 1, "GET groups.observers": 1, "GET groups.users": 3])
    }

    @Test("lists first, then each kind of per-entity calls spread among those still waiting, not queued behind them")
    func order() async throws {
        let (_, log) = try await Self.read(.everything, from: try Self.populated(), parallelism: 1)
        let paths = await log.requests.map { String($0.path.dropFirst("/api/v1/".count)) }
        let perEntity: Set = ["companies.groups", "users.groups", "cf.field.options.list", "cf.field.options.tree"]
        let first = try #require(paths.firstIndex(where: perEntity.contains))
        #expect(first == 14 && !paths[..<first].contains(where: perEntity.contains))
        // Queued in turn, the users' memberships and the options would come after every company's groups.
        #expect(
            Array(paths[first...]) == [
                "cf.field.options.list", "users.groups", "companies.groups", "cf.field.options.tree", "companies.groups", "companies.groups",
            ])
        #expect(LiveEstateReader.spread(["a", "b"], among: ["1", "2", "3", "4", "5"]) == ["a", "1", "2", "b", "3", "4", "5"])
        #expect(LiveEstateReader.spread(["a", "b", "c"], among: ["1"]) == ["a", "b", "c", "1"])
        #expect(LiveEstateReader.spread(["a"], among: []) == ["a"])
        #expect(LiveEstateReader.spread([], among: ["1"]) == ["1"])
    }
}
