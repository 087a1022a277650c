import EstateModel
import InvGateAPI
import InvGateWire
import Planner
import Reconciler
import Simulator
import TestSupport
import Testing

@Suite("PlanExecutor: failures, skipped dependents, provisional ids")
struct SkippedStepTests {
    /// The demo instance with a company (1) and a group (1).
    static var live: Estate {
        var estate = Fixtures.demoEstate
        try! estate.apply(.createCompany(name: "Acme", externalID: nil))
        try! estate.apply(.createGroup(name: "Doomed"))
        return estate
    }

    /// Made over ``live``: the new group's provisional id is 2.
    static let plan = Plan(steps: [
        Step(id: 0, operation: .createGroup(name: "New"), address: Address(.group, "New"), dependsOn: [], creates: .group(2)),
        Step(id: 1, operation: .addMembers(.group(1), users: [1]), address: Address(.group, "Doomed"), dependsOn: []),
        Step(id: 2, operation: .addObservers(.group(1), users: [2]), address: Address(.group, "Doomed"), dependsOn: [1]),
        Step(id: 3, operation: .relateGroups(company: 1, groups: [2]), address: Address(.company, "Acme"), dependsOn: [0]),
        Step(id: 4, operation: .addMembers(.group(2), users: [3]), address: Address(.group, "New"), dependsOn: [0, 2]),
        Step(id: 5, operation: .addMembers(.company(1), users: [4]), address: Address(.company, "Acme"), dependsOn: [3]),
        Step(id: 6, operation: .addObservers(.group(2), users: [5]), address: Address(.group, "New"), dependsOn: [4]),
    ])

    @Test("a step on an object deleted behind the plan's back fails; its dependents are skipped; the rest apply with real ids")
    func failureSkipsDependents() async throws {
        try await withLiveSimulator(estate: Self.live) { sim in
            // Behind the plan's back: "Doomed" is deleted and another client creates a group, which
            // takes id 2 — the plan's provisional id for "New".
            var changed = Self.live
            try changed.apply(.deleteGroup(id: 1))
            try changed.apply(.createGroup(name: "Intruder"))
            try await sim.store.replace(with: changed)

            let report = await Harness.executor(sim.client(retryPolicy: Harness.quickRetry)).execute(Self.plan)
            #expect(report.applied.map(\.step.id) == [0, 3, 5])
            #expect(report.failed.map(\.step.id) == [1])
            if case .failed(.api(let error)) = report.results[1].outcome {
                #expect(error.httpStatus == 404)
            } else {
                Issue.record("step 1: \(report.results[1].outcome)")
            }
            #expect(report.results[2].outcome == .skipped(dependency: 1))
            #expect(report.results[4].outcome == .skipped(dependency: 2))
            #expect(report.results[6].outcome == .skipped(dependency: 4))
            #expect(report.notStarted.isEmpty && !report.wasCancelled && !report.isComplete)

            #expect(report.learned == [.group(2): .group(3)])
            #expect(report.results[3].sent?.parameters["groups"] == .array([3]))
            let estate = await sim.store.estate
            #expect(estate.groups[3]?.name == "New")
            #expect(estate.companies[1]!.groups == [3])
            #expect(estate.groups[2]!.members.isEmpty, "the intruder's group is untouched")
            #expect(estate.companies[1]!.members == [4] && estate.groups[3]!.members == [4])
        }
    }

    @Test("an add answered false is read back: already so passes, a user the API would not take fails")
    func falseAnswersAreReadBack() async throws {
        var live = Self.live
        try live.apply(.addObservers(.group(1), users: [2]))
        try await withLiveSimulator(estate: live) { sim in
            let (client, log) = Harness.countingClient(sim)
            let plan = Plan(steps: [
                Step(id: 0, operation: .addObservers(.group(1), users: [2, 3]), address: Address(.group, "Doomed"), dependsOn: []),
                Step(id: 1, operation: .addObservers(.company(1), users: [999]), address: Address(.company, "Acme"), dependsOn: []),
                Step(id: 2, operation: .deleteGroup(id: 77), address: Address(.group, "Gone"), dependsOn: []),
            ])
            let report = await Harness.executor(client).execute(plan)
            #expect(report.results[0].outcome == .applied)
            #expect(report.results[0].notes == ["already so for 2, as read back"])
            guard case .failed(.notApplied(let call, let ids)) = report.results[1].outcome else {
                Issue.record("\(report.results[1].outcome)")
                return
            }
            #expect(call.endpoint == .companiesObservers && ids == [999])
            #expect(report.results[2].outcome == .applied)
            #expect(report.results[2].notes == ["already absent"])
            #expect(await log.count(.get, .groupsObservers) == 1)
            #expect(await log.count(.get, .companiesObservers) == 1)
        }
    }
}
