import EstateModel
import Planner
import Testing

/// Every kind these manifests plan: all but users, which they do not declare (undeclared users would count as unmanaged).
private let everything = Set(ObjectKind.allCases).subtracting([.users])

/// Users 1–3; location "Madrid" (1) with "Floor 1"…"Floor 12" below it (2…13); location "Lisbon"
/// (14) with "Annex" (15) and "Legacy Annex" (16); KB "IT" (1) > "Network" (2) > "Wi-Fi" (3); a tree
/// field "Office" (uid 2): Europe > Madrid, Lisbon; a list field "Department" (uid 1): sales, it.
private func live() -> Estate {
    var estate = Estate(
        users: Dictionary(uniqueKeysWithValues: (1...3).map { ($0, User(id: $0, username: "user\($0)", email: "user\($0)@example.com")) }),
        companies: [1: Company(id: 1, name: "Acme", externalID: "ACME-001", members: [1])],
        groups: [1: Group(id: 1, name: "Ops", members: [1])],
        locations: [
            1: Location(id: 1, name: "Madrid"), 14: Location(id: 14, name: "Lisbon"),
            15: Location(id: 15, name: "Annex", parentID: 14), 16: Location(id: 16, name: "Legacy Annex", parentID: 14),
        ],
        kbCategories: [
            1: KBCategory(id: 1, name: "IT"), 2: KBCategory(id: 2, name: "Network", parentID: 1),
            3: KBCategory(id: 3, name: "Wi-Fi", parentID: 2),
        ],
        customFields: [
            1: CustomField(
                uid: 1, label: "Department", typeID: 104,
                listOptions: [ListOption(key: "sales", value: "Sales"), ListOption(key: "it", value: "IT")]),
            2: CustomField(
                uid: 2, label: "Office", typeID: 105,
                treeOptions: [
                    TreeOption(hash: "e", key: "eu", name: "Europe"), TreeOption(hash: "m", key: "mad", name: "Madrid", parentHash: "e"),
                    TreeOption(hash: "l", key: "lis", name: "Lisbon", parentHash: "e"),
                ]),
        ])
    for floor in 1...12 { estate.locations[floor + 1] = Location(id: floor + 1, name: "Floor \(floor)", parentID: 1) }
    estate.advanceSequences()
    return estate
}

private func lisbon(_ children: [String] = ["Annex", "Legacy Annex"]) -> [DesiredState.Location] {
    [DesiredState.Location(path: ["Lisbon"])] + children.map { DesiredState.Location(path: ["Lisbon", $0]) }
}

@Suite("Planner: every count comes from the replay")
struct PlanOutcomeTests {
    @Test("pruning a location with twelve sublocations destroys thirteen, over max_deletes 3")
    func prunedSubtree() throws {
        let desired = DesiredState(locations: lisbon(), policy: .init(prune: [.locations], maxDeletes: 3))
        let plan = try Planner.plan(desired: desired, live: live(), fetched: everything)
        #expect(plan.steps.map(\.operation) == [.deleteLocation(id: 1)])
        #expect(plan.summary == Plan.Summary(add: 0, change: 0, destroy: 13))
        #expect(plan.deletions == 13)
        #expect(plan.exceedsMaxDeletes)
        #expect(plan.outcome.destroyed.filter(\.cascade).count == 12)
        #expect(plan.outcome.destroyed.allSatisfy { $0.step == 0 && $0.cause == Address(.location, "Madrid") })
        let floors = (1...12).map { "location[\"Madrid/Floor \($0)\"]" }.sorted().joined(separator: ", ")
        #expect(plan.changes.map(\.consequences) == [["erases \(floors)"]])
        #expect(
            plan.text().hasSuffix(
                """
                Plan: 0 to add, 0 to change, 13 to destroy. 5 unmanaged objects left alone (companies: 1, groups: 1, kb_categories: 3).
                Policy: apply would refuse this plan: it destroys 13 objects, more than policy.max_deletes (3). \
                apply --allow-deletes allows it; apply --hold-deletes applies the rest and holds back location["Madrid"].

                """))
        let (kept, held) = plan.holdingDeletions()
        #expect(kept.steps.isEmpty && kept.outcome == Outcome())
        #expect(held.map(\.address) == [Address(.location, "Madrid")])
    }

    @Test("a location renamed through previous_names is replaced: the old one and its sublocations are destroyed")
    func locationReplace() throws {
        let desired = DesiredState(
            locations: lisbon() + [DesiredState.Location(path: ["Madrid Centre"], previousNames: ["Madrid"])] + [
                DesiredState.Location(path: ["Madrid Centre", "Floor 1"])
            ])
        let plan = try Planner.plan(desired: desired, live: live(), fetched: everything)
        #expect(
            plan.steps.map(\.operation) == [
                .deleteLocation(id: 1), .createLocation(name: "Madrid Centre", parentID: nil),
                .createLocation(name: "Floor 1", parentID: 17),
            ])
        #expect(plan.steps[0].subject == Address(.location, "Madrid"))
        #expect(plan.steps[0].object == Address(.location, "Madrid"))
        #expect(plan.summary == Plan.Summary(add: 2, change: 0, destroy: 13))
        #expect(plan.changes.first { $0.address == Address(.location, "Madrid Centre") }?.action == .replace)
    }

    @Test("erasing a tree option erases its children; removed list options count one each")
    func options() throws {
        let desired = DesiredState(customFields: [
            DesiredState.CustomField(uid: 1, label: "Department", options: [ListOption(key: "hr", value: "HR")]),
            DesiredState.CustomField(uid: 2, label: "Office", tree: [DesiredState.TreeOption(name: "Americas", key: "am")]),
        ])
        let plan = try Planner.plan(desired: desired, live: live(), fetched: everything)
        #expect(plan.summary == Plan.Summary(add: 2, change: 0, destroy: 5))
        #expect(
            plan.outcome.destroyed.map(\.address.description) == [
                #"option["Department/it"]"#, #"option["Department/sales"]"#, #"option["Office/Europe"]"#,
                #"option["Office/Europe/Lisbon"]"#, #"option["Office/Europe/Madrid"]"#,
            ])
        #expect(plan.outcome.destroyed.filter(\.cascade).map(\.address.name) == ["Office/Europe/Lisbon", "Office/Europe/Madrid"])
        // New list options go before the old ones are erased, so --hold-deletes can keep them; the new tree
        // option waits for the erasure (a key may pass from an erased option to a new one).
        #expect(
            plan.holdingDeletions().plan.steps.map(\.operation) == [
                .upsertListOptions(field: 1, options: [ListOption(key: "hr", value: "HR")])
            ])
    }

    @Test("an absent KB category goes with everything below it, each counted")
    func kbSubtree() throws {
        let desired = DesiredState(kbCategories: [DesiredState.KBCategory(path: ["IT"], absent: true)])
        let plan = try Planner.plan(desired: desired, live: live(), fetched: everything)
        #expect(plan.summary.destroy == 3)
        // Only the declared one says absent: true; the others say why they go.
        #expect(
            plan.changes.map { "\($0.address): \($0.reason)" } == [
                #"kb_category["IT"]: absent: true"#,
                #"kb_category["IT/Network"]: below kb_category["IT"], which is deleted (absent: true)"#,
                #"kb_category["IT/Network/Wi-Fi"]: below kb_category["IT"], which is deleted (absent: true)"#,
            ])
    }

    @Test("a company's member changes that land in its groups count those groups as changed, under the company")
    func sideEffectChange() throws {
        var estate = live()
        estate.companies[1]!.groups = [1]
        let desired = DesiredState(companies: [DesiredState.Company(name: "Acme", externalID: "ACME-001", members: [1, 2])])
        let plan = try Planner.plan(desired: desired, live: estate, fetched: everything)
        #expect(plan.summary == Plan.Summary(add: 0, change: 2, destroy: 0))
        #expect(plan.changes.map(\.consequences) == [[#"also changes group["Ops"] (a side effect of the API)"#]])
    }

    @Test("a protected location erased with its renamed parent fails the plan, at the rename")
    func protectedByCascade() {
        let desired = DesiredState(locations: [
            DesiredState.Location(path: ["Lisbon City"], previousNames: ["Lisbon"]),
            DesiredState.Location(path: ["Lisbon City", "Annex"], protect: true),
        ])
        #expect(
            throws: PlanFailure([
                .erasedByCascade(Address(.location, "Lisbon/Annex"), by: Address(.location, "Lisbon City"), why: "it is protected")
            ])
        ) {
            try Planner.plan(desired: desired, live: live(), fetched: everything)
        }
    }

    @Test("an ignored location erased with its absent parent fails the plan, naming both")
    func ignoredByCascade() {
        let desired = DesiredState(
            locations: [DesiredState.Location(path: ["Lisbon"], absent: true)], policy: .init(ignore: ["Lisbon/Legacy *"]))
        let error = PlanError.erasedByCascade(
            Address(.location, "Lisbon/Legacy Annex"), by: Address(.location, "Lisbon"), why: #"it matches policy.ignore "Lisbon/Legacy *""#
        )
        #expect(throws: PlanFailure([error])) { try Planner.plan(desired: desired, live: live(), fetched: everything) }
        #expect(
            error.description
                == #"location["Lisbon"] would erase location["Lisbon/Legacy Annex"] with it, but it matches policy.ignore "Lisbon/Legacy *"."#
        )
    }

    @Test("--hold-deletes holds a replace and what needs its new group, and runs a rename that only came after it")
    func holdDeletesRunsRename() throws {
        var estate = live()
        estate.companies[1]!.groups = [1]
        let desired = DesiredState(
            companies: [DesiredState.Company(name: "Acme Corp", externalID: "ACME-001")],
            groups: [DesiredState.Group(name: "Operations", previousNames: ["Ops"])])
        let plan = try Planner.plan(desired: desired, live: estate, fetched: everything)
        let (kept, held) = plan.holdingDeletions()
        #expect(held.map(\.address) == [Address(.group, "Operations")])
        #expect(kept.steps.map(\.operation) == [.updateCompany(id: 1, name: "Acme Corp", externalID: nil)])
        #expect(kept.steps.allSatisfy { $0.dependsOn.isEmpty })
        let applied = try Planner.replay(kept, on: estate)
        #expect(applied.companies[1]?.name == "Acme Corp" && applied.groups[1]?.name == "Ops")
    }

    @Test("a company's new member would join the ignored group it relates: the plan fails, naming both and the way out")
    func ignoredChangedBySideEffect() {
        var estate = live()
        estate.groups[2] = Group(id: 2, name: "Legacy Ops")
        estate.companies[1]!.groups = [2]
        let desired = DesiredState(
            companies: [DesiredState.Company(name: "Acme", externalID: "ACME-001", members: [1, 2])], policy: .init(ignore: ["Legacy *"]))
        let error = PlanError.changedBySideEffect(
            Address(.group, "Legacy Ops"), by: Address(.company, "Acme"), why: #"it matches policy.ignore "Legacy *""#)
        #expect(throws: PlanFailure([error])) { try Planner.plan(desired: desired, live: estate, fetched: everything) }
        #expect(
            error.description
                == #"company["Acme"] would change group["Legacy Ops"] as a side effect of the API, but it matches policy.ignore "Legacy *"."#)
        #expect(
            error.hint
                == #"deskform never writes an ignored object: change the manifests so that no step of company["Acme"] reaches group["Legacy Ops"] (a company's members join the groups it relates), or stop ignoring it"#
        )
    }

    @Test("an ignored KB category below an absent one fails the plan: its own DELETE is never planned")
    func ignoredSubcategory() {
        let desired = DesiredState(kbCategories: [DesiredState.KBCategory(path: ["IT"], absent: true)], policy: .init(ignore: ["IT/Net*"]))
        #expect(
            throws: PlanFailure(
                ["IT/Network", "IT/Network/Wi-Fi"].map {
                    .erasedByCascade(Address(.kbCategory, $0), by: Address(.kbCategory, "IT"), why: #"it matches policy.ignore "IT/Net*""#)
                })
        ) {
            try Planner.plan(desired: desired, live: live(), fetched: everything)
        }
    }

    @Test("two live locations, KB categories or tree options at one path are an error naming them, never a third")
    func ambiguousPaths() {
        var estate = live()
        estate.locations[30] = Location(id: 30, name: "Lisbon")
        estate.kbCategories[30] = KBCategory(id: 30, name: "IT")
        estate.customFields[2]!.treeOptions.append(TreeOption(hash: "e2", key: "eu2", name: "Europe"))
        #expect(throws: PlanFailure([.ambiguous(Address(.location, "Lisbon"), why: #"2 live objects are at "Lisbon" (ids 14, 30)"#)])) {
            try Planner.plan(desired: DesiredState(locations: lisbon(["Annex"])), live: estate, fetched: everything)
        }
        #expect(throws: PlanFailure([.ambiguous(Address(.kbCategory, "IT"), why: #"2 live objects are at "IT" (ids 1, 30)"#)])) {
            try Planner.plan(
                desired: DesiredState(kbCategories: [.init(path: ["IT"]), .init(path: ["IT", "Network"])]), live: estate,
                fetched: everything)
        }
        let tree = DesiredState(customFields: [
            DesiredState.CustomField(uid: 2, label: "Office", tree: [DesiredState.TreeOption(name: "Europe")])
        ])
        #expect(
            throws: PlanFailure([
                .ambiguous(Address(.customField, "Office"), why: #"2 live options are at "Europe" (hashes e, e2): give the option a key"#)
            ])
        ) {
            try Planner.plan(desired: tree, live: estate, fetched: everything)
        }
    }

    @Test("an external_id that matches nothing beside a same-named company with another is an error, not a second company")
    func externalIDTypo() {
        let desired = DesiredState(companies: [DesiredState.Company(name: "Acme", externalID: "ACME-002")])
        #expect {
            try Planner.plan(desired: desired, live: live(), fetched: everything)
        } throws: { error in
            guard let error = error as? PlanFailure, case .otherIdentity(let address, let why, let hint) = error.errors.first else {
                return false
            }
            return address == Address(.company, "Acme")
                && why == #"no live company has external_id "ACME-002", but live company 1 "Acme" has external_id "ACME-001""#
                && hint.hasPrefix(#"if "ACME-002" is a typo, write external_id: ACME-001; "#)
        }
    }

    @Test("a replace's DELETE names the old group")
    func replaceSubject() throws {
        let plan = try Planner.plan(
            desired: DesiredState(groups: [.init(name: "Platform", previousNames: ["Ops"])]), live: live(), fetched: everything)
        #expect(plan.steps.first?.operation == .deleteGroup(id: 1))
        #expect(plan.steps.first?.object == Address(.group, "Ops"))
        #expect(plan.steps.first?.address == Address(.group, "Platform"))
    }
}

@Test("a KB category moved out of a subtree whose top is deleted moves before that delete: the delete would erase it")
func moveBeforeAncestorDeletion() throws {
    let desired = DesiredState(kbCategories: [
        DesiredState.KBCategory(path: ["IT"], absent: true), DesiredState.KBCategory(path: ["Wi-Fi"], previousPaths: [["IT", "Network", "Wi-Fi"]]),
    ])
    let plan = try Planner.plan(desired: desired, live: live(), fetched: everything)
    let move = try #require(plan.steps.first { $0.operation == .updateKBCategory(id: 3, name: nil, parentID: 0) })
    let delete = try #require(plan.steps.first { $0.operation == .deleteKBCategory(id: 1) })
    var waited: Set<Int> = []
    var pending = delete.dependsOn
    while let id = pending.popLast() {
        if waited.insert(id).inserted { pending += plan.steps.first { $0.id == id }?.dependsOn ?? [] }
    }
    #expect(waited.contains(move.id), "\(plan.steps.map { "\($0.id) \($0.operation) after \($0.dependsOn)" })")
}
