import DeskformCLI
import EstateModel
import Foundation
import Manifest
import Reconciler
import TestSupport
import Testing

/// What export does with what the format cannot say directly: colliding usernames, duplicate names,
/// unknown members, options that cannot be written. It never writes something that plans differently.
@Suite("deskform export: edge cases")
struct ExportEdgeCaseTests {
    /// Standard error without the line that says how many requests reading took.
    static func warnings(_ errorOutput: String) -> String {
        errorOutput.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("Read the instance in ") }
            .joined(separator: "\n")
    }

    static let awkward = Estate(
        users: [
            1: User(id: 1, username: "alice", email: "alice@acme.example"),
            2: User(id: 2, username: "ALICE", email: "alice.two@acme.example"),
            3: User(id: 3, username: "", email: "bob@acme.example"),
            4: User(id: 4, username: "42", email: ""),
            5: User(id: 5, username: "carol", email: "carol@acme.example"),
            6: User(id: 6, username: "dave@home", email: "dave@acme.example"),
        ],
        companies: [
            1: Company(id: 1, name: "Acme", members: [1, 2, 3], groups: [1, 2], observers: [4]),
            2: Company(id: 2, name: "Twin", externalID: "T-1", members: [5]),
            3: Company(id: 3, name: "Twin", members: [1]),
            4: Company(id: 4, name: "Ghosts", members: [5]),
        ],
        groups: [
            1: Group(id: 1, name: "IT", members: [1, 2, 3, 4, 6]),
            2: Group(id: 2, name: "Ops", members: [1]),
            3: Group(id: 3, name: "Ops"),
        ],
        locations: [
            1: Location(id: 1, name: "Madrid"), 2: Location(id: 2, name: "Madrid", members: [1]),
            3: Location(id: 3, name: "Lisbon", members: [5]),
            4: Location(id: 4, name: "Floor", parentID: 3), 5: Location(id: 5, name: "Floor", parentID: 3),
            6: Location(id: 6, name: "Annex", parentID: 3, observers: [2]),
        ],
        customFields: [
            1: CustomField(
                uid: 1, label: "Department", typeID: 104, listOptions: [ListOption(key: "a", value: "A"), ListOption(key: "b", value: "")]),
            2: CustomField(
                uid: 2, label: "Office", typeID: 105,
                treeOptions: [
                    TreeOption(hash: "h1", key: "eu", name: "Europe"), TreeOption(hash: "h2", key: "x", name: "Madrid", parentHash: "h1"),
                    TreeOption(hash: "h3", key: "x", name: "Lisbon", parentHash: "h1"),
                ]),
            3: CustomField(
                uid: 3, label: "Priority", typeID: 104,
                listOptions: [ListOption(key: "2", value: "High"), ListOption(key: "1", value: "Low")]),
        ])

    @Test(
        "users by username, else email, else id; inexpressible objects and relations are left out with warnings; the rest plans no change")
    func awkwardEstate() async throws {
        let out = ExportCommandTests.scratch()
        defer { try? FileManager.default.removeItem(atPath: out) }
        try await withLiveSimulator(estate: Self.awkward) { simulator in
            // Accounts are the users suite's (UserCommandTests): here, users as members and observers.
            let (code, result) = try await ExportCommandTests.export(simulator.url, to: out, kinds: ObjectKind.allCases.filter { $0 != .users })
            #expect(code == 0, "\(result.errorOutput)")
            #expect(
                ExportEdgeCaseTests.warnings(result.errorOutput) == """
                    deskform: warning: company 'Acme': 'groups' left out (unmanaged): related group id 2 cannot be named (the name is not unique or cannot be written)
                    deskform: warning: 2 companies are named 'Twin': exported the one with external_id 'T-1' (id 2); skipped id 3: a manifest declares a company name once
                    deskform: warning: 2 groups are named 'Ops' (ids 2, 3) skipped: a name must be unique to be managed
                    deskform: warning: 2 locations are at 'Lisbon/Floor' (ids 4, 5) skipped with what is below them: a path must name one location
                    deskform: warning: 2 locations are at 'Madrid' (ids 1, 2) skipped with what is below them: a path must name one location
                    deskform: warning: custom field 'Department' (uid 1) skipped: option "b" = "" cannot be written in a manifest (empty, control characters or too long)
                    deskform: warning: custom field 'Office' (uid 2): tree option key 'x' is used more than once; those options are written without a key (identified by their path)

                    """)
            let text = try String(contentsOfFile: out + "/estate.yaml", encoding: .utf8)
            let body = text.split(separator: "\n", maxSplits: 2)[2]
            #expect(
                body == """
                    companies:
                    - name: Acme
                      members: [alice.two@acme.example, alice@acme.example, bob@acme.example]
                      observers: [4]
                    - name: Ghosts
                      groups: []
                      members: [carol]
                      observers: []
                    - name: Twin
                      external_id: T-1
                      groups: []
                      members: [carol]
                      observers: []
                    groups:
                    - name: IT
                      members: [4, alice.two@acme.example, alice@acme.example, bob@acme.example, dave@acme.example]
                      observers: []
                    locations:
                    - name: Lisbon
                      members: [carol]
                      observers: []
                      children:
                      - name: Annex
                        members: []
                        observers: [alice.two@acme.example]
                    custom_fields:
                    - field: Office
                      tree:
                      - name: Europe
                        key: eu
                        children:
                        - name: Lisbon
                        - name: Madrid
                    - field: Priority
                      options:
                        '1': Low
                        '2': High

                    """)
            let (planCode, planned) = try await ExportCommandTests.plan(out, url: simulator.url)
            #expect(planCode == 0, "\(planned.output)\(planned.errorOutput)")
        }
    }

    @Test("a member the instance does not list leaves that relation unmanaged, with a warning")
    func unknownMember() {
        let export = EstateExport(
            Estate(
                users: [1: User(id: 1, username: "alice", email: "")],
                groups: [
                    1: Group(id: 1, name: "IT", members: [1, 99], observers: [1])
                ]))
        #expect(export.manifest.groups == [DeclaredGroup(name: "IT", members: nil, observers: [UserReference(.username("alice"))])])
        #expect(export.warnings == ["group 'IT': 'members' left out (unmanaged): user id 99 is not among the instance's users"])
    }

    @Test("a location, KB category or tree option whose name holds '/' is left out with a warning; the rest plans no change")
    func slashInTreeNames() async throws {
        let out = ExportCommandTests.scratch()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let estate = Estate(
            users: [1: User(id: 1, username: "alice", email: "alice@acme.example")],
            locations: [
                1: Location(id: 1, name: "Madrid/HQ"), 2: Location(id: 2, name: "Floor 1", parentID: 1),
                3: Location(id: 3, name: "Lisbon"), 4: Location(id: 4, name: "Annex/B", parentID: 3),
            ],
            kbCategories: [1: KBCategory(id: 1, name: "IT/Ops"), 2: KBCategory(id: 2, name: "HR")],
            customFields: [
                2: CustomField(
                    uid: 2, label: "Office", typeID: 105,
                    treeOptions: [
                        TreeOption(hash: "h1", key: "eu", name: "Europe"),
                        TreeOption(hash: "h2", key: "w", name: "West/South", parentHash: "h1"),
                    ])
            ])
        try await withLiveSimulator(estate: estate) { simulator in
            // Accounts are the users suite's (UserCommandTests): here, users as members and observers.
            let (code, result) = try await ExportCommandTests.export(simulator.url, to: out, kinds: ObjectKind.allCases.filter { $0 != .users })
            #expect(code == 0, "\(result.errorOutput)")
            #expect(
                ExportEdgeCaseTests.warnings(result.errorOutput) == """
                    deskform: warning: location "Annex/B" in 'Lisbon' (id 4) skipped with what is below it: a name cannot contain '/', which joins the names of a path
                    deskform: warning: location "Madrid/HQ" (id 1) skipped with what is below it: a name cannot contain '/', which joins the names of a path
                    deskform: warning: KB category "IT/Ops" (id 1) skipped with what is below it: a name cannot contain '/', which joins the names of a path
                    deskform: warning: custom field 'Office' (uid 2) skipped: tree option "West/South" in 'Europe' has a name with '/', which joins the names of a path

                    """)
            let (planCode, planned) = try await ExportCommandTests.plan(out, url: simulator.url)
            #expect(planCode == 0, "\(planned.output)\(planned.errorOutput)")
        }
    }

    @Test("the header names the instance by its URL only")
    func headerHasNoCredentials() {
        #expect(ExportCommand.publicURL("https://api:s3cret@acme.example/?token=x#y") == "https://acme.example/")
    }

    @Test("a deleted user is never written: a relation holding one is left out with a warning, and its name is a live user's")
    func deletedUsers() async throws {
        let estate = Estate(
            users: [
                1: User(id: 1, username: "erin", email: "erin@acme.example", isDeleted: true),
                2: User(id: 2, username: "erin", email: "erin.new@acme.example"),
                3: User(id: 3, username: "frank", email: "frank@acme.example"),
            ],
            groups: [1: Group(id: 1, name: "IT", members: [1, 3]), 2: Group(id: 2, name: "HR", members: [2])])
        let out = ExportCommandTests.scratch()
        defer { try? FileManager.default.removeItem(atPath: out) }
        try await withLiveSimulator(estate: estate) { simulator in
            let (code, result) = try await ExportCommandTests.export(simulator.url, to: out, kinds: [.groups])
            #expect(code == 0, "\(result.errorOutput)")
            #expect(
                ExportEdgeCaseTests.warnings(result.errorOutput).contains(
                    "deskform: warning: group 'IT': 'members' left out (unmanaged): user id 1 is deleted in the instance\n"),
                "\(result.errorOutput)")
            let written = try String(contentsOfFile: out + "/estate.yaml", encoding: .utf8)
            #expect(written.contains("members: [erin]") && !written.contains("erin@acme.example"), "\(written)")
            let (planCode, planned) = try await ExportCommandTests.plan(out, url: simulator.url)
            #expect(planCode == 0, "\(planned.output)\(planned.errorOutput)")
        }
    }
}
