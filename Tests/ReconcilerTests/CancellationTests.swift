import EstateModel
import InvGateAPI
import Planner
import Reconciler
import Simulator
import TestSupport
import Testing

@Suite("PlanExecutor: cancellation and interrupted applies")
struct CancellationTests {
    @Test("cancelled midway: running steps finish, no new one starts, the rest are not started; a fresh plan converges")
    func cancelMidway() async throws {
        let options = SimulatorOptions(latency: .milliseconds(15))
        try await withLiveSimulator(options: options) { sim in
            let (client, _) = Harness.countingClient(sim)
            let desired = DemoApplyTests.desired
            let plan = try await Harness.plan(desired, client)
            let before = await sim.store.estate
            let (finished, signal) = AsyncStream.makeStream(of: Int.self)
            let executor = Harness.executor(client, parallelism: 2)
            let apply = Task { await executor.execute(plan) { signal.yield($0.finished) } }
            for await count in finished where count >= 4 { break }
            apply.cancel()
            let report = await apply.value
            signal.finish()

            #expect(report.wasCancelled)
            #expect(report.failed.isEmpty, "\(report.failed.map(\.outcome))")
            #expect(report.applied.count >= 4 && report.applied.count < plan.steps.count)
            #expect(report.notStarted.count == plan.steps.count - report.applied.count - report.skipped.count)
            #expect(report.skipped.isEmpty)
            // Whatever was sent finished: the estate is the replay of exactly the applied steps (new
            // objects compared by name and place, not by the ids they were handed), so nothing was cut short.
            let live = await sim.store.estate
            let applied = Set(report.applied.map(\.step.id))
            let replayed = try Planner.replay(Plan(steps: plan.steps.filter { applied.contains($0.id) }), on: before)
            #expect(Shape(live) == Shape(replayed))
            #expect(Harness.duplicates(in: live) == [])

            let resumed = try await Harness.plan(desired, client)
            #expect(resumed.steps.count < plan.steps.count)
            let second = await Harness.executor(client).execute(resumed)
            #expect(second.isComplete, "\(second.failed.map(\.outcome))")
            let again = try await Harness.plan(desired, client)
            #expect(again.steps.map(\.operation) == [])
        }
    }

    @Test("cancelled before it starts: nothing is sent, every step is not started")
    func cancelledBeforeStart() async throws {
        try await withLiveSimulator { sim in
            let (client, log) = Harness.countingClient(sim)
            let plan = try await Harness.plan(DemoApplyTests.desired, client)
            let before = await log.requests.count
            let executor = Harness.executor(client)
            let apply = Task {
                withUnsafeCurrentTask { $0?.cancel() }
                return await executor.execute(plan)
            }
            let report = await apply.value
            #expect(report.wasCancelled)
            #expect(report.notStarted.count == plan.steps.count)
            #expect(await log.requests.count == before)
        }
    }
}

/// An estate by names and places instead of ids: what an apply and a replay agree on when they hand
/// out ids in different orders.
struct Shape: Equatable {
    var companies: Set<String>, groups: Set<String>, locations: Set<String>, categories: Set<String>, options: Set<String>

    init(_ estate: Estate) {
        func users(_ ids: Set<Int>) -> String { ids.sorted().map(String.init).joined(separator: ",") }
        func groups(_ ids: Set<Int>) -> String { ids.compactMap { estate.groups[$0]?.name }.sorted().joined(separator: ",") }
        companies = Set(
            estate.companies.values.map {
                "\($0.name) \($0.externalID ?? "-") m[\(users($0.members))] o[\(users($0.observers))] g[\(groups($0.groups))]"
            })
        self.groups = Set(estate.groups.values.map { "\($0.name) m[\(users($0.members))] o[\(users($0.observers))]" })
        locations = Set(
            estate.locations.values.map {
                "\(estate.locationPath(of: $0.id).joined(separator: "/")) m[\(users($0.members))] o[\(users($0.observers))]"
            })
        categories = Set(estate.kbCategories.keys.map { estate.kbCategoryPath(of: $0).joined(separator: "/") })
        options = Set(
            estate.customFields.values.flatMap { field in
                field.listOptions.map { "\(field.uid) \($0.key)=\($0.value)" }
                    + field.treeOptions.map { option in
                        "\(field.uid) \(option.key) \(option.name) under \(field.treeOptions.first { $0.hash == option.parentHash }?.key ?? "-")"
                    }
            })
    }
}
