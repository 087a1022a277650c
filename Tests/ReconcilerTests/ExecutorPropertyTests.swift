import EstateModel
import Foundation
import InvGateAPI
import Planner
import Reconciler
import Simulator
import TestSupport
import Testing

@Suite("PlanExecutor: properties over random estates")
struct ExecutorPropertyTests {
    static let cases = 30

    @Test("executing the plan for a random estate and desired state converges: planning again gives no steps")
    func executionConverges() async throws {
        // DESKFORM_SEED=N replays one failing case.
        for seed in propertySeeds(Self.cases) {
            var generator = EstateGenerator(seed: seed)
            let live = generator.liveEstate()
            let desired = generator.desiredState(over: live)
            try await withLiveSimulator(estate: live) { sim in
                let client = sim.client(retryPolicy: Harness.quickRetry)
                let plan: Plan
                do {
                    plan = try await Harness.plan(desired, client)
                } catch {
                    Issue.record("seed \(seed): \(error)")
                    return
                }
                let report = await Harness.executor(client).execute(plan)
                #expect(report.isComplete, "seed \(seed): \(report.failed.map { "\($0.step.address): \($0.outcome)" })")
                let again = try await Harness.plan(desired, client)
                #expect(again.steps.map(\.operation) == [], "seed \(seed) \(plan.text())")
                let estate = await sim.store.estate
                #expect(Set(Harness.duplicates(in: estate)).isSubset(of: Harness.duplicates(in: live)), "seed \(seed)")
            }
        }
    }
}
