import EstateModel
import InvGateWire
import Planner
import Reconciler
import Simulator
import TestSupport
import Testing

/// A KB category is deleted children first, each DELETE answered before its parent's is sent: an
/// instance that erases the subcategories and one that refuses (409) while there are any both end
/// with the whole branch gone.
@Suite("PlanExecutor: deleting a KB category with subcategories")
struct KBCategoryDeletionTests {
    @Test("its subcategories are deleted first, deepest first, whichever way the instance deletes", arguments: SimulatorDialect.allCases)
    func childrenFirst(dialect: SimulatorDialect) async throws {
        var estate = Estate()
        estate.kbCategories = [
            1: KBCategory(id: 1, name: "IT"), 2: KBCategory(id: 2, name: "Network", parentID: 1),
            3: KBCategory(id: 3, name: "VPN", parentID: 2), 4: KBCategory(id: 4, name: "Printers", parentID: 1),
            5: KBCategory(id: 5, name: "HR"),
        ]
        try await withLiveSimulator(estate: estate, dialect: dialect, retryPolicy: Harness.quickRetry) { sim in
            let (client, log) = Harness.countingClient(sim)
            let plan = Plan(steps: [
                Step(id: 0, operation: .deleteKBCategory(id: 1), address: Address(.kbCategory, "IT"), dependsOn: [])
            ])
            let report = await Harness.executor(client).execute(plan)
            #expect(report.isComplete, "\(report.failed.map(\.outcome))")
            #expect(report.results[0].notes == ["its subcategories deleted first: ids 3, 2, 4"])
            #expect(await sim.store.estate.kbCategories.keys.sorted() == [5])
            #expect(await log.count(.delete, .kbCategories) == 4)
            #expect(await log.statuses.filter { $0 == 409 } == [])
        }
    }
}
