import EstateModel
import InvGateAPI
import InvGateWire
import Planner
import Reconciler
import Simulator
import TestSupport
import Testing

@Suite("PlanExecutor: faults, lost answers and duplicate-safe creates")
struct FaultToleranceTests {
    @Test(
        "with 30% of writes failing, one apply (plus at most one re-plan) converges and nothing is created twice",
        arguments: [(UInt64(7), SimulatorDialect.reference), (42, .rough), (2024, .rough)])
    func convergesUnderFaults(seed: UInt64, dialect: SimulatorDialect) async throws {
        let options = SimulatorOptions(faultRate: 0.3, faults: Fault.allCases, faultSeed: seed)
        try await withLiveSimulator(options: options, dialect: dialect, retryPolicy: Harness.quickRetry) { sim in
            let (client, log) = Harness.countingClient(sim)
            let desired = DemoApplyTests.desired
            let plan = try await Harness.plan(desired, client)
            let before = await log.writes
            let first = await Harness.executor(client).execute(plan)
            #expect(await log.writes - before > plan.steps.count, "seed \(seed): faults were injected and retried")
            if !first.isComplete {
                let second = await Harness.executor(client).execute(try await Harness.plan(desired, client))
                #expect(second.isComplete, "seed \(seed): \(second.failed.map { "\($0.step.address): \($0.outcome)" })")
            }
            let estate = await sim.store.estate
            #expect(Harness.duplicates(in: estate) == [], "seed \(seed)")
            let again = try await Harness.plan(desired, client)
            #expect(again.steps.map(\.operation) == [], "seed \(seed)")
        }
    }

    @Test("a create whose connection drops after acting is found by its identity, not created again", arguments: SimulatorDialect.allCases)
    func droppedCreatesAreAdopted(dialect: SimulatorDialect) async throws {
        let options = SimulatorOptions(faultRate: 1, faults: [.droppedConnection], faultSeed: 1)
        try await withLiveSimulator(options: options, dialect: dialect, retryPolicy: Harness.quickRetry) { sim in
            let (client, log) = Harness.countingClient(sim)
            let desired = DesiredState(
                companies: [DesiredState.Company(name: "Acme", externalID: "A-1"), DesiredState.Company(name: "Globex")],
                groups: [DesiredState.Group(name: "IT")],
                locations: [DesiredState.Location(path: ["Madrid"]), DesiredState.Location(path: ["Madrid", "Annex"])],
                kbCategories: [DesiredState.KBCategory(path: ["IT"]), DesiredState.KBCategory(path: ["IT", "Network"])],
                customFields: [
                    DesiredState.CustomField(
                        uid: 2, label: "Office",
                        tree: [
                            DesiredState.TreeOption(
                                name: "Europe", key: "eu",
                                children: [
                                    DesiredState.TreeOption(name: "Madrid", key: "mad"),
                                    DesiredState.TreeOption(name: "Lisbon", key: "lis"),
                                    DesiredState.TreeOption(name: "Rome", children: [DesiredState.TreeOption(name: "Trastevere")]),
                                ]),
                            DesiredState.TreeOption(
                                name: "Americas", key: "am", children: [DesiredState.TreeOption(name: "New York", key: "nyc")]),
                        ])
                ])
            let plan = try await Harness.plan(desired, client)
            let creates = plan.steps.filter { $0.creates != nil }
            #expect(creates.count == plan.steps.count && creates.count == 9)
            let before = await log.requests.count

            let report = await Harness.executor(client).execute(plan)
            #expect(report.isComplete, "\(report.failed.map(\.outcome))")
            for result in report.results {
                #expect(result.notes.contains { $0.hasPrefix("found by its identity") }, "\(result.step.address)")
            }
            // Each create was sent once: the drop is followed by a lookup, never a second POST.
            let posts = await log.requests.dropFirst(before).filter { $0.method == .post }
            #expect(posts.count == creates.count)

            let estate = await sim.store.estate
            #expect(Harness.duplicates(in: estate) == [])
            #expect(
                estate.companies.count == 2 && estate.groups.count == 1 && estate.locations.count == 2 && estate.kbCategories.count == 2)
            let rome = try #require(estate.customFields[2]!.treeOptions.first { $0.name == "Rome" })
            #expect(estate.customFields[2]!.treeOptions.filter { $0.name == "Trastevere" }.map(\.parentHash) == [rome.hash])
            let annex = try #require(estate.locations.values.first { $0.name == "Annex" })
            #expect(estate.locations[annex.parentID!]?.name == "Madrid")
        }
    }

    @Test("a create refused before acting (503) is looked up, then retried; after every attempt it fails, created nowhere")
    func unavailableCreatesAreRetriedThenFail() async throws {
        let options = SimulatorOptions(faultRate: 1, faults: [.unavailable], faultSeed: 1)
        try await withLiveSimulator(options: options, retryPolicy: Harness.quickRetry) { sim in
            let (client, log) = Harness.countingClient(sim)
            let plan = Plan(steps: [
                Step(id: 0, operation: .createGroup(name: "IT"), address: Address(.group, "IT"), dependsOn: [], creates: .group(1)),
                Step(id: 1, operation: .addMembers(.group(1), users: [1]), address: Address(.group, "IT"), dependsOn: [0]),
            ])
            let executor = PlanExecutor(client: client, createAttempts: 3, logger: Harness.logger)
            let report = await executor.execute(plan)
            guard case .failed(.api(let error)) = report.results[0].outcome else {
                Issue.record("not failed: \(report.results[0].outcome)")
                return
            }
            #expect(error.isOutcomeUnknown)
            #expect(report.results[1].outcome == .skipped(dependency: 0))
            #expect(await log.count(.post, .groups) == 3)
            #expect(await log.count(.get, .groups) == 3)
            #expect(await sim.store.estate.groups.isEmpty)
        }
    }
}
