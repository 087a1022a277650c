import EstateModel
import Planner
import Reconciler
import TestSupport
import Testing

/// Undo of the applies users found it could not undo: a company renamed through `external_id` and related
/// to a group the apply created, a KB category moved, a tree option renamed, each cut short at every step
/// (the step at the cut sent, in doubt, taken effect or not). Undo must restore every touched object and
/// create nothing twice.
@Suite("Undo: renames and created relations, cut at every step")
struct UndoWayBackTests {
    static let users = Dictionary(uniqueKeysWithValues: (1...4).map { ($0, User(id: $0, username: "user\($0)", email: "user\($0)@example.com")) })

    static func live() -> Estate {
        var estate = Estate(
            users: users,
            companies: [1: Company(id: 1, name: "Acme", externalID: "ACME", members: [1, 2], groups: [1])],
            groups: [1: Group(id: 1, name: "Ops", members: [1, 2, 3])],
            locations: [1: Location(id: 1, name: "Madrid"), 2: Location(id: 2, name: "Floor 1", parentID: 1)],
            kbCategories: [1: KBCategory(id: 1, name: "IT"), 2: KBCategory(id: 2, name: "Network", parentID: 1), 3: KBCategory(id: 3, name: "HR")],
            customFields: [
                2: CustomField(
                    uid: 2, label: "Office", typeID: 105,
                    treeOptions: [TreeOption(hash: "h-eu", key: "eu", name: "Europe"), TreeOption(hash: "h-mad", key: "mad", name: "Madrid", parentHash: "h-eu")])
            ])
        estate.advanceSequences()
        return estate
    }

    /// Acme renamed through its external id, related to a new group with a member, a KB category moved
    /// and another renamed, a location renamed (a replace), a tree option renamed.
    static func desired() -> DesiredState {
        DesiredState(
            companies: [DesiredState.Company(name: "Acme Corp", externalID: "ACME", groups: ["Ops", "New"], members: [1, 2, 4])],
            groups: [DesiredState.Group(name: "New", members: [3])],
            locations: [DesiredState.Location(path: ["Lisbon"], previousNames: ["Madrid"]), DesiredState.Location(path: ["Lisbon", "Floor 1"])],
            kbCategories: [
                DesiredState.KBCategory(path: ["Network"], previousPaths: [["IT", "Network"]]),
                DesiredState.KBCategory(path: ["People"], previousPaths: [["HR"]]),
            ],
            customFields: [
                DesiredState.CustomField(
                    uid: 2, label: "Office", tree: [DesiredState.TreeOption(name: "EU", key: "eu", children: [DesiredState.TreeOption(name: "Madrid", key: "mad")])])
            ])
    }

    @Test("cut after every step, the step at the cut taken effect or not: undo restores every object and duplicates none")
    func everyCut() throws {
        let live = Self.live()
        let plan = try Planner.plan(desired: Self.desired(), live: live, fetched: Set(ObjectKind.allCases))
        #expect(plan.steps.count > 6)
        for cut in 0...plan.steps.count {
            for tookEffect in cut < plan.steps.count ? [false, true] : [false] {
                var partial = plan
                partial.steps = Array(plan.steps.prefix(cut + (tookEffect ? 1 : 0)))
                let after = try Planner.replay(partial, on: live)
                let inDoubt: Set<Int> = cut < plan.steps.count ? [plan.steps[cut].id] : []
                let undo = Undo(
                    before: StateBeforeApply(target: "t", plan: plan, state: live), applied: Set(plan.steps.prefix(cut).map(\.id)),
                    inDoubt: inDoubt)
                #expect(try undo.conflicts(live: after).isEmpty, "cut \(cut)")
                let back = try undo.plan(live: after)
                let restored = try Planner.replay(back, on: after)
                #expect(restored.managedState() == live.managedState(), "cut \(cut), took effect \(tookEffect): \(back.text())")
                #expect(restored.companies.count == 1 && restored.groups.count == 1, "cut \(cut): \(back.text())")
                #expect(try undo.plan(live: restored).isEmpty, "cut \(cut)")
                // Undone twice: nothing left, and no conflict.
                #expect(try undo.conflicts(live: restored).isEmpty, "cut \(cut)")
            }
        }
    }

    @Test("a rename is not a side effect of itself: the plan lists no company, category or option as changed by its own change")
    func renameIsNotItsOwnSideEffect() throws {
        let plan = try Planner.plan(desired: Self.desired(), live: Self.live(), fetched: Set(ObjectKind.allCases))
        // Only the new member joining Ops is a side effect; the renamed company and moved categories are their own changes.
        #expect(
            plan.changes.flatMap(\.consequences).filter { $0.contains("side effect") } == [#"also changes group["Ops"] (a side effect of the API)"#])
        let renamed = plan.outcome.changed.filter { [Address(.company, "Acme"), Address(.kbCategory, "HR")].contains($0.address) }
        #expect(renamed.count == 2 && renamed.allSatisfy { !$0.cascade })
        #expect(plan.text().contains("    ~ tree options: Europe → EU\n"))
    }
}
