import EstateModel
import Planner
import Testing

/// Users 1–2; groups "Ops" (1) and "Legacy 1"…"Legacy 3" (2…4).
private func live() -> Estate {
    var estate = Estate(
        users: [1: User(id: 1, username: "alice", email: "alice@example.com"), 2: User(id: 2, username: "bob", email: "bob@example.com")],
        groups: [1: Group(id: 1, name: "Ops", members: [1])])
    for index in 1...3 { estate.groups[index + 1] = Group(id: index + 1, name: "Legacy \(index)") }
    estate.advanceSequences()
    return estate
}

/// Keeps "Ops" with `members`, prunes the legacy groups when `prune`, under `maxDeletes`.
private func plan(members: Set<Int> = [1], prune: Bool, maxDeletes: Int = 10) throws -> Plan {
    let desired = DesiredState(
        groups: [DesiredState.Group(name: "Ops", members: members)],
        policy: .init(prune: prune ? [.groups] : [], maxDeletes: maxDeletes))
    return try Planner.plan(desired: desired, live: live(), fetched: Set(ObjectKind.allCases))
}

private let legacy = (1...3).map { Address(.group, "Legacy \($0)") }

@Suite("Planner: what apply does with a plan")
struct ApplyDecisionTests {
    @Test("a plan with no step is nothing to apply, whatever the flags")
    func nothing() throws {
        let empty = try plan(prune: false)
        #expect(empty.isEmpty)
        for (allow, hold) in [(false, false), (true, false), (false, true), (true, true)] {
            #expect(empty.decision(allowDeletes: allow, holdDeletes: hold) == .nothingToApply)
        }
        #expect(!ApplyDecision.nothingToApply.needsApproval)
    }

    @Test("within policy.max_deletes the whole plan is applied, once approved")
    func withinLimit() throws {
        let plan = try plan(members: [1, 2], prune: true)
        #expect(plan.deletions == 3 && !plan.exceedsMaxDeletes)
        let decision = plan.decision(allowDeletes: false, holdDeletes: false)
        #expect(decision == .apply(plan, held: []))
        #expect(decision.needsApproval)
    }

    @Test("over policy.max_deletes the plan is refused; --allow-deletes applies all of it")
    func overLimit() throws {
        let plan = try plan(members: [1, 2], prune: true, maxDeletes: 2)
        #expect(plan.exceedsMaxDeletes)
        #expect(plan.decision(allowDeletes: false, holdDeletes: false) == .refused)
        #expect(!ApplyDecision.refused.needsApproval)
        #expect(plan.decision(allowDeletes: true, holdDeletes: false) == .apply(plan, held: []))
    }

    @Test("--hold-deletes applies the rest, even over the limit, and names the changes held back")
    func holdDeletes() throws {
        let plan = try plan(members: [1, 2], prune: true, maxDeletes: 2)
        let decision = plan.decision(allowDeletes: false, holdDeletes: true)
        let (kept, held) = plan.holdingDeletions()
        #expect(decision == .apply(kept, held: held))
        #expect(held.map(\.address) == legacy)
        #expect(kept.steps.map(\.operation) == [.addMembers(.group(1), users: [2])])
        #expect(kept.deletions == 0)
        #expect(plan.decision(allowDeletes: true, holdDeletes: true) == decision)
    }

    @Test("--hold-deletes with only deletions left is nothing to approve or apply, naming what it holds")
    func everythingHeld() throws {
        let plan = try plan(prune: true, maxDeletes: 2)
        let decision = plan.decision(allowDeletes: false, holdDeletes: true)
        guard case .everythingHeld(let held) = decision else {
            Issue.record("expected everything held, got \(decision)")
            return
        }
        #expect(held.map(\.address) == legacy)
        #expect(!decision.needsApproval)
    }
}
