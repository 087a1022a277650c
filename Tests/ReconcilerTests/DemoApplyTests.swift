import EstateModel
import InvGateAPI
import InvGateWire
import Planner
import Reconciler
import Simulator
import TestSupport
import Testing

@Suite("PlanExecutor: applying a plan to the demo instance")
struct DemoApplyTests {
    /// Companies with groups, members and observers; groups; a location tree; help desk observers;
    /// a KB tree three deep; list options; tree options with a new option under a new parent.
    static let desired = DesiredState(
        companies: [
            DesiredState.Company(
                name: "Acme Corp", externalID: "ACME-001", groups: ["Acme IT", "Acme HR"], members: [1, 2], observers: [3]),
            DesiredState.Company(name: "Globex", groups: ["Globex Ops"], members: [4], observers: []),
        ],
        groups: [
            DesiredState.Group(name: "Acme IT", members: [1, 4], observers: [5]),
            DesiredState.Group(name: "Acme HR", members: [6]),
            DesiredState.Group(name: "Globex Ops", observers: [9, 10]),
        ],
        locations: [
            DesiredState.Location(path: ["Madrid"], members: [6]),
            DesiredState.Location(path: ["Madrid", "Floor 2"], members: [7], observers: [8]),
            DesiredState.Location(path: ["Lisbon"]),
        ],
        helpdesks: [
            DesiredState.HelpDesk(
                id: 1, name: "Service Desk", observers: [7], levels: [DesiredState.Level(id: 4, name: "Level 2", observers: [8])])
        ],
        kbCategories: [
            DesiredState.KBCategory(path: ["IT"]), DesiredState.KBCategory(path: ["IT", "Network"]),
            DesiredState.KBCategory(path: ["IT", "Network", "VPN"]), DesiredState.KBCategory(path: ["HR"]),
        ],
        customFields: [
            DesiredState.CustomField(
                uid: 1, label: "Department",
                options: [
                    ListOption(key: "sales", value: "Sales"), ListOption(key: "it", value: "Information Technology"),
                    ListOption(key: "ops", value: "Operations"),
                ]),
            DesiredState.CustomField(
                uid: 2, label: "Office",
                tree: [
                    DesiredState.TreeOption(
                        name: "Europe", key: "eu",
                        children: [
                            DesiredState.TreeOption(name: "Madrid", key: "mad"), DesiredState.TreeOption(name: "Lisboa", key: "lis"),
                            DesiredState.TreeOption(name: "Paris", key: "par"),
                        ]),
                    DesiredState.TreeOption(
                        name: "Asia", key: "as",
                        children: [
                            DesiredState.TreeOption(name: "Tokyo", key: "tyo"), DesiredState.TreeOption(name: "Osaka"),
                        ]),
                ]),
        ])

    /// The demo instance after many objects were created and deleted: the API's next ids and hashes
    /// are far above the provisional ones a plan hands out, so every substitution shows.
    static var usedDemo: Estate {
        var estate = Fixtures.demoEstate
        estate.sequences.company += 100
        estate.sequences.group += 200
        estate.sequences.location += 300
        estate.sequences.kbCategory += 400
        estate.sequences.treeOption += 500
        return estate
    }

    @Test(
        "a plan applied converges: planning again gives no steps; one call per step; never a 428 or 403",
        arguments: SimulatorDialect.allCases)
    func appliesAndConverges(dialect: SimulatorDialect) async throws {
        try await withLiveSimulator(estate: Self.usedDemo, dialect: dialect) { sim in
            let (client, log) = Harness.countingClient(sim)
            let plan = try await Harness.plan(Self.desired, client)
            #expect(plan.steps.count > 30)
            #expect(
                plan.steps.contains { $0.creates != nil && $0.creates.map { if case .treeOption = $0 { true } else { false } } == true })
            let before = await log.requests.count

            let report = await Harness.executor(client).execute(plan)
            #expect(report.failed.map(\.outcome) == [])
            #expect(report.isComplete && !report.wasCancelled)
            #expect(report.applied.count == plan.steps.count)

            // One write per step; one read, to learn the hash of the new parent "Asia".
            let requests = await log.requests.dropFirst(before)
            #expect(requests.filter { $0.method != .get }.count == plan.steps.count)
            #expect(requests.filter { $0.method == .get }.map(\.path) == [Endpoint.customFieldTreeOptions.path])

            // Provisional ids were replaced by the real ones.
            let estate = await sim.store.estate
            let byName = { (name: String) in estate.groups.values.first { $0.name == name }!.id }
            let acme = try #require(estate.companies.values.first { $0.name == "Acme Corp" })
            #expect(acme.externalID == "ACME-001")
            #expect(acme.groups == [byName("Acme IT"), byName("Acme HR")])
            #expect(acme.members == [1, 2] && acme.observers == [3])
            #expect(estate.groups[byName("Acme IT")]!.members == [1, 4])
            #expect(estate.groups[byName("Globex Ops")]!.observers == [9, 10])
            let madrid = try #require(estate.locations.values.first { $0.name == "Madrid" })
            let floor = try #require(estate.locations.values.first { $0.name == "Floor 2" })
            #expect(floor.parentID == madrid.id && floor.members == [7] && floor.observers == [8])
            let network = try #require(estate.kbCategories.values.first { $0.name == "Network" })
            #expect(estate.kbCategories.values.first { $0.name == "VPN" }?.parentID == network.id)
            let options = estate.customFields[2]!.treeOptions
            let asia = try #require(options.first { $0.key == "as" })
            #expect(options.first { $0.key == "tyo" }?.parentHash == asia.hash)
            #expect(options.first { $0.name == "Osaka" }?.parentHash == asia.hash)
            #expect(!options.contains { $0.key == "nyc" || $0.key == "am" })
            #expect(estate.customFields[1]!.listOptions.map(\.key) == ["sales", "it", "ops"])
            #expect(estate.levels[4]!.observers == [8])
            #expect(acme.id > 100)
            #expect(estate.groups.keys.allSatisfy { $0 > 200 })
            #expect(madrid.id > 300)
            #expect(network.id > 400)
            // Companies, groups, locations, KB categories, and the one new option whose hash a later step needs.
            #expect(report.learned.count == 13)
            #expect(report.learned.allSatisfy { $0.key != $0.value })
            for (provisional, real) in report.learned {
                #expect(report.results.contains { $0.step.creates == provisional && $0.created == real })
            }

            let again = try await Harness.plan(Self.desired, client)
            #expect(again.steps.map(\.operation) == [])
            #expect(await log.statuses.filter { $0 == 428 || $0 == 403 } == [])
        }
    }

    @Test("progress is reported once per finished step")
    func progressPerStep() async throws {
        try await withLiveSimulator { sim in
            let (client, _) = Harness.countingClient(sim)
            let plan = try await Harness.plan(Self.desired, client)
            let seen = Seen()
            let report = await Harness.executor(client, parallelism: 3).execute(plan) { progress in
                seen.add(progress.result.step.id, progress.finished, progress.total)
            }
            #expect(report.isComplete)
            let events = seen.events
            #expect(events.map(\.step).sorted() == plan.steps.map(\.id).sorted())
            #expect(events.map(\.finished) == Array(1...plan.steps.count))
            #expect(events.allSatisfy { $0.total == plan.steps.count })
        }
    }
}
