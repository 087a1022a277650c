import Estate
import InvGateAPI
import Planner
import Reconciler
import Simulator
import Testing
import TestSupport

@Suite("PlanExecutor: cancellation and interrupted applies")
struct CancellationTests {
    @Test("cancelled midway: running steps finish, no new one starts, the rest are not started; a fresh plan converges")
    func cancelMidway() async throws {
        let options = SimulatorOptions(latency: .milliseconds(15))
        try await withLiveSimulator(options: options) { sim in
            let (client, _) = Harness.countingClient(sim)
            let desired = DemoApplyTests.desired
            let plan = try await Harness.plan(desired, client)
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
            // Whatever was sent finished: the estate is the replay of exactly the applied steps
            // (provisional ids and hashes aside), so nothing was cut short.
            let live = await sim.store.estate
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
