import EstateModel
import Planner
import Testing

/// Users 1–6; company 1 "Acme" related to group 1 "Acme IT".
private func live() -> Estate {
    var estate = Estate(
        users: Dictionary(uniqueKeysWithValues: (1...6).map { ($0, User(id: $0, username: "user\($0)", email: "user\($0)@example.com")) }),
        companies: [1: Company(id: 1, name: "Acme", members: [1, 2], groups: [1])],
        groups: [1: Group(id: 1, name: "Acme IT", members: [1, 2]), 2: Group(id: 2, name: "Ops")])
    estate.advanceSequences()
    return estate
}

/// Every kind these manifests plan: all but users, which they do not declare (undeclared users would count as unmanaged).
private let everything = Set(ObjectKind.allCases).subtracting([.users])

@Suite("Planner: the API's side effects")
struct PlannerSideEffectTests {
    @Test("a user removed from a company leaves its groups, so a wanted group membership is re-added after")
    func removalThenReAdd() throws {
        let desired = DesiredState(
            companies: [DesiredState.Company(name: "Acme", members: [1])],
            groups: [DesiredState.Group(name: "Acme IT", members: [1, 2])])
        let plan = try Planner.plan(desired: desired, live: live(), fetched: everything)
        #expect(
            plan.steps.map(\.operation) == [
                .removeMembers(.company(1), users: [2]),
                .addMembers(.group(1), users: [2]),
            ])
        #expect(plan.steps[1].dependsOn == [0])
    }

    @Test("a user added to a company lands in its groups, so an unwanted group membership is removed after")
    func additionThenRemoval() throws {
        let desired = DesiredState(
            companies: [DesiredState.Company(name: "Acme", members: [1, 2, 3])],
            groups: [DesiredState.Group(name: "Acme IT", members: [1, 2])])
        let plan = try Planner.plan(desired: desired, live: live(), fetched: everything)
        #expect(
            plan.steps.map(\.operation) == [
                .addMembers(.company(1), users: [3]),
                .removeMembers(.group(1), users: [3]),
            ])
    }

    @Test("a group is related after the company's members change, so it gets only its declared members")
    func newRelatedGroup() throws {
        let desired = DesiredState(
            companies: [DesiredState.Company(name: "Acme", groups: ["Acme IT", "Acme Field"], members: [1, 2, 4])],
            groups: [DesiredState.Group(name: "Acme Field", members: [4])])
        let plan = try Planner.plan(desired: desired, live: live(), fetched: everything)
        #expect(
            plan.steps.map(\.operation) == [
                .createGroup(name: "Acme Field"),
                .addMembers(.company(1), users: [4]),
                .relateGroups(company: 1, groups: [3]),
                .addMembers(.group(3), users: [4]),
            ])
        #expect(plan.steps[0].creates == .group(3))
        #expect(plan.steps.map(\.dependsOn) == [[], [], [0, 1], [2]])
        // user 4 also landed in the already related "Acme IT", whose members are not managed here.
        #expect(try Planner.replay(plan, on: live()).groups[1]?.members == [1, 2, 4])
    }

    @Test("many users for one company and relation and direction are one call")
    func batching() throws {
        let desired = DesiredState(companies: [DesiredState.Company(name: "Acme", members: [3, 4, 5, 6], observers: [1, 2, 3])])
        let plan = try Planner.plan(desired: desired, live: live(), fetched: everything)
        #expect(
            plan.steps.map(\.operation) == [
                .removeMembers(.company(1), users: [1, 2]),
                .addMembers(.company(1), users: [3, 4, 5, 6]),
                .addObservers(.company(1), users: [1, 2, 3]),
            ])
        // The company, and its group "Acme IT", which its new members join and its old ones leave.
        #expect(plan.summary == Plan.Summary(add: 0, change: 2, destroy: 0))
    }

    @Test("independent objects' steps do not wait for each other")
    func independence() throws {
        let desired = DesiredState(groups: [DesiredState.Group(name: "Ops", members: [5]), DesiredState.Group(name: "New", observers: [6])])
        let plan = try Planner.plan(desired: desired, live: live(), fetched: everything)
        #expect(
            plan.steps.map(\.operation) == [
                .createGroup(name: "New"), .addMembers(.group(2), users: [5]), .addObservers(.group(3), users: [6]),
            ])
        #expect(plan.steps.map(\.dependsOn) == [[], [], [0]])
    }

    @Test("a renamed group is replaced: its memberships and company relation are re-applied to the new group")
    func groupReplace() throws {
        let desired = DesiredState(groups: [DesiredState.Group(name: "Acme Support", previousNames: ["Acme IT"])])
        let plan = try Planner.plan(desired: desired, live: live(), fetched: everything)
        #expect(
            plan.steps.map(\.operation) == [
                .deleteGroup(id: 1), .createGroup(name: "Acme Support"), .relateGroups(company: 1, groups: [3]),
                .addMembers(.group(3), users: [1, 2]),
            ])
        #expect(plan.changes.map(\.action) == [.replace])
        // The company "Acme" changes too: it relates to the new group instead of the old one.
        #expect(plan.summary == Plan.Summary(add: 1, change: 1, destroy: 1))
        #expect(plan.changes[0].consequences.last == #"also changes company["Acme"] (a side effect of the API)"#)
        let replayed = try Planner.replay(plan, on: live())
        #expect(replayed.groups[3] == Group(id: 3, name: "Acme Support", members: [1, 2]))
        #expect(replayed.companies[1]?.groups == [3])
    }

    @Test("a protected object that would be deleted or replaced is a plan error naming it and why")
    func protect() {
        let desired = DesiredState(
            companies: [DesiredState.Company(name: "Acme", protect: true, absent: true)],
            groups: [DesiredState.Group(name: "Acme Support", previousNames: ["Acme IT"], protect: true)])
        #expect(
            throws: PlanFailure([
                .protected(Address(.group, "Acme Support"), why: "renaming it from \"Acme IT\" replaces it (the API cannot rename groups)"),
                .protected(Address(.company, "Acme"), why: "it is marked absent"),
            ])
        ) {
            try Planner.plan(desired: desired, live: live(), fetched: everything)
        }
    }

    @Test("prune deletes undeclared objects of the kinds named, except ignored ones; others are unmanaged")
    func prune() throws {
        var estate = live()
        try estate.apply(.createGroup(name: "Legacy Ops"))
        let desired = DesiredState(
            groups: [DesiredState.Group(name: "Acme IT")], policy: DesiredState.Policy(prune: [.groups], ignore: ["Legacy *"]))
        let plan = try Planner.plan(desired: desired, live: estate, fetched: everything)
        #expect(plan.steps.map(\.operation) == [.deleteGroup(id: 2)])
        #expect(plan.unmanaged == [.groups: 1, .companies: 1])
        #expect(plan.summaryLine == "Plan: 0 to add, 0 to change, 1 to destroy. 2 unmanaged objects left alone (companies: 1, groups: 1).")
    }
}

@Suite("Planner: trees")
struct PlannerTreeTests {
    @Test("a renamed location is replaced, erasing its sublocations; declared children are created again")
    func locationReplace() throws {
        var estate = live()
        try estate.apply(.createLocation(name: "Madrid HQ", parentID: nil))
        try estate.apply(.createLocation(name: "Floor 2", parentID: 1))
        try estate.apply(.createLocation(name: "Desk 7", parentID: 2))
        let desired = DesiredState(locations: [
            DesiredState.Location(path: ["Madrid"], previousNames: ["Madrid HQ"]), DesiredState.Location(path: ["Madrid", "Floor 2"]),
        ])
        let plan = try Planner.plan(desired: desired, live: estate, fetched: [.locations])
        #expect(
            plan.steps.map(\.operation) == [
                .deleteLocation(id: 1), .createLocation(name: "Madrid", parentID: nil), .createLocation(name: "Floor 2", parentID: 4),
            ])
        #expect(plan.changes.first?.consequences == [#"erases location["Madrid HQ/Floor 2"], location["Madrid HQ/Floor 2/Desk 7"]"#])
        #expect(plan.summary == Plan.Summary(add: 2, change: 0, destroy: 3))
        #expect(plan.steps[2].dependsOn == [1])
    }

    @Test("KB categories are renamed and moved in place with PUT")
    func kbRenameAndMove() throws {
        var estate = live()
        try estate.apply(.createKBCategory(name: "Information Technology", parentID: nil))
        try estate.apply(.createKBCategory(name: "Net", parentID: 1))
        let desired = DesiredState(kbCategories: [
            DesiredState.KBCategory(path: ["IT"], previousNames: ["Information Technology"]),
            DesiredState.KBCategory(path: ["Network"], previousNames: ["IT/Net"]),
        ])
        let plan = try Planner.plan(desired: desired, live: estate, fetched: [.kbCategories])
        #expect(
            plan.steps.map(\.operation) == [
                .updateKBCategory(id: 1, name: "IT", parentID: nil), .updateKBCategory(id: 2, name: "Network", parentID: 0),
            ])
        #expect(plan.changes.map(\.action) == [.update, .update])
    }

    @Test("tree options: renamed in place keeping the hash, new ones under new parents, undeclared ones erased")
    func treeOptions() throws {
        var estate = live()
        estate.customFields[1] = CustomField(
            uid: 1, label: "Office", typeID: 105,
            treeOptions: [
                TreeOption(hash: "h-eu", key: "eu", name: "Europa"),
                TreeOption(hash: "h-mad", key: "mad", name: "Madrid", parentHash: "h-eu"),
                TreeOption(hash: "h-old", key: "old", name: "Old"),
            ])
        let desired = DesiredState(customFields: [
            DesiredState.CustomField(
                uid: 1, label: "Office",
                tree: [
                    DesiredState.TreeOption(name: "Europe", key: "eu", children: [DesiredState.TreeOption(name: "Madrid", key: "mad")]),
                    DesiredState.TreeOption(name: "Americas", key: "am", children: [DesiredState.TreeOption(name: "New York", key: "nyc")]),
                ])
        ])
        let plan = try Planner.plan(desired: desired, live: estate, fetched: [.customFields])
        let americas = try #require(plan.steps[2].creates)
        guard case .treeOption(_, let hash) = americas else {
            Issue.record("not a tree option")
            return
        }
        #expect(
            plan.steps.map(\.operation) == [
                .deleteTreeOption(field: 1, hash: "h-old"),
                .updateTreeOption(field: 1, hash: "h-eu", name: "Europe", key: nil),
                .addTreeOption(field: 1, name: "Americas", key: "am", parentHash: nil),
                .addTreeOption(field: 1, name: "New York", key: "nyc", parentHash: hash),
            ])
    }
}
