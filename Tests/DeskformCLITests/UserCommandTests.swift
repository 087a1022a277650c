import DeskformCLI
import EstateModel
import Foundation
import Reconciler
import Simulator
import TestSupport
import Testing

/// Users as code, end to end against the simulator: joiners, movers and leavers, the directory's
/// accounts, the prune, undo and bootstrapping a bare instance. No test ever sees `DELETE user` sent.
@Suite("deskform: users")
struct UserCommandTests {
    /// alice (1) and bob (2), complete; dana (3) from the directory (LDAP); carl (4) disabled; the group
    /// "Network" (1), the company "Acme Inc" (2) and the location "Madrid/Floor 2" (3 under 4).
    static var estate: Estate {
        var estate = Estate(
            users: [
                1: User(id: 1, username: "alice", email: "alice@acme.example", name: "Alice", lastname: "Adams", attributes: [.department: "IT"]),
                2: User(id: 2, username: "bob", email: "bob@acme.example", name: "Bob", lastname: "Brown"),
                3: User(id: 3, username: "dana", email: "dana@acme.example", name: "Dana", lastname: "Diaz", source: .ldap),
                4: User(id: 4, username: "carl", email: "carl@acme.example", name: "Carl", lastname: "Cruz", isDisabled: true),
            ],
            companies: [2: Company(id: 2, name: "Acme Inc")],
            groups: [1: Group(id: 1, name: "Network", members: [2])],
            locations: [4: Location(id: 4, name: "Madrid"), 3: Location(id: 3, name: "Floor 2", parentID: 4)])
        estate.advanceSequences()
        return estate
    }

    static func manifest(_ text: String) throws -> URL {
        try UndoCommandTests.scratch(manifest: text)
    }

    static func apply(_ directory: URL, url: String, holdDeletes: Bool = false) async throws -> (code: Int32, recording: Console.Recording) {
        try await ApplyCommandTests.apply([directory.appendingPathComponent("estate.yaml").path], url: url, scratch: directory, holdDeletes: holdDeletes)
    }

    static func plan(_ directory: URL, url: String) async throws -> (code: Int32, recording: Console.Recording) {
        try await PlanCommandTests.plan([directory.appendingPathComponent("estate.yaml").path], url: url, detailed: true)
    }

    static func expectNoUserDeleted(_ simulator: LiveSimulator, sourceLocation: Testing.SourceLocation = #_sourceLocation) async {
        let deleted = await simulator.store.events.filter { if case .userDeleted = $0 { true } else { false } }
        #expect(deleted.isEmpty, "DELETE user was sent: \(deleted)", sourceLocation: sourceLocation)
    }

    @Test("onboarding: a new hire with attributes, a manager created in the same apply, a group, a company and a location")
    func onboarding() async throws {
        let directory = try Self.manifest(
            """
            users:
              - username: oscar
                email: oscar@acme.example
                name: Oscar
                lastname: Ortiz
                department: IT
                position: Network engineer
                manager: rita
                groups: [Network]
                companies: [Acme Inc]
                locations: ["Madrid/Floor 2"]
              - username: rita
                email: rita@acme.example
                name: Rita
                lastname: Ruiz
            policy:
              invite_users: true
            """)
        defer { try? FileManager.default.removeItem(at: directory) }
        try await withLiveSimulator(estate: Self.estate) { simulator in
            let (code, result) = try await Self.apply(directory, url: simulator.url)
            #expect(code == 0, "\(result.errorOutput)")
            let estate = await simulator.store.estate
            let rita = try #require(estate.users.values.first { $0.username == "rita" })
            let oscar = try #require(estate.users.values.first { $0.username == "oscar" })
            #expect(rita.id < oscar.id)
            #expect(oscar.managerID == rita.id)
            #expect(oscar.attributes == [.department: "IT", .position: "Network engineer"])
            #expect(oscar.email == "oscar@acme.example" && oscar.name == "Oscar" && oscar.lastname == "Ortiz")
            #expect(estate.groups[1]!.members == [2, oscar.id])
            #expect(estate.companies[2]!.members == [oscar.id])
            #expect(estate.locations[3]!.members == [oscar.id])
            #expect(
                await simulator.store.events == [
                    .setPasswordMail(user: rita.id, email: "rita@acme.example"), .setPasswordMail(user: oscar.id, email: "oscar@acme.example"),
                ])
            let (again, planned) = try await Self.plan(directory, url: simulator.url)
            #expect(again == 0, "\(planned.output)")
            await Self.expectNoUserDeleted(simulator)
        }
    }

    @Test("movers and leavers: a rename through previous_usernames, a disable and an enable, in one apply that then plans clean")
    func renameDisableEnable() async throws {
        let directory = try Self.manifest(
            """
            users:
              - username: alice.adams
                previous_usernames: [alice]
                department: Networks
              - username: bob
                disabled: true
              - username: carl
                disabled: false
            """)
        defer { try? FileManager.default.removeItem(at: directory) }
        try await withLiveSimulator(estate: Self.estate) { simulator in
            let (planCode, plan) = try await Self.plan(directory, url: simulator.url)
            #expect(planCode == 2)
            #expect(plan.output.contains("Plan: 1 to add, 1 to change, 1 to destroy."), "\(plan.output)")
            let (code, result) = try await Self.apply(directory, url: simulator.url)
            #expect(code == 0, "\(result.errorOutput)")
            let users = await simulator.store.estate.users
            #expect(users[1]!.username == "alice.adams" && users[1]!.attributes == [.department: "Networks"])
            #expect(users[2]!.isDisabled && !users[2]!.isDeleted)
            #expect(!users[4]!.isDisabled)
            #expect(try await Self.plan(directory, url: simulator.url).code == 0)
            await Self.expectNoUserDeleted(simulator)
        }
    }

    @Test("a directory (LDAP) user's attribute or disabled change is an error at its place, and nothing is written")
    func directoryUserRefused() async throws {
        let directory = try Self.manifest(
            """
            users:
              - username: dana
                department: Sales
                disabled: true
                groups: [Network]
            """)
        defer { try? FileManager.default.removeItem(at: directory) }
        try await withLiveSimulator(estate: Self.estate) { simulator in
            let before = await simulator.store.estate
            let (code, result) = try await Self.apply(directory, url: simulator.url)
            #expect(code == 1)
            let file = directory.appendingPathComponent("estate.yaml").path
            #expect(
                result.errorOutput.contains(
                    "\(file):3:17: error: user 'dana' is synchronised from a directory (LDAP), so its 'department' is the directory's"),
                "\(result.errorOutput)")
            #expect(result.errorOutput.contains("\(file):4:15: error: user 'dana' is synchronised from a directory (LDAP), so its 'disabled' is the directory's"))
            #expect(await simulator.store.estate == before)
        }
    }

    @Test("prune disables undeclared enabled users, counted against max_deletes; --hold-deletes holds them back")
    func pruneUnderMaxDeletes() async throws {
        let directory = try Self.manifest(
            """
            users:
              - username: alice
              - username: dana
              - username: rita
                email: rita@acme.example
                name: Rita
                lastname: Ruiz
            policy:
              prune: [users]
              max_deletes: 0
            """)
        defer { try? FileManager.default.removeItem(at: directory) }
        try await withLiveSimulator(estate: Self.estate) { simulator in
            let (code, result) = try await Self.apply(directory, url: simulator.url)
            #expect(code == 3, "\(result.output)\(result.errorOutput)")
            #expect(await simulator.store.estate.users[2]!.isDisabled == false)
            let (held, heldResult) = try await Self.apply(directory, url: simulator.url, holdDeletes: true)
            #expect(held == 0, "\(heldResult.errorOutput)")
            let users = await simulator.store.estate.users
            #expect(users.values.contains { $0.username == "rita" })
            #expect(users[2]!.isDisabled == false)
            await Self.expectNoUserDeleted(simulator)
        }
    }

    @Test("undo of a creation disables the new user, never deletes it")
    func undoCreation() async throws {
        let directory = try Self.manifest(
            """
            users:
              - {username: rita, email: rita@acme.example, name: Rita, lastname: Ruiz, groups: [Network]}
            """)
        defer { try? FileManager.default.removeItem(at: directory) }
        try await withLiveSimulator(estate: Self.estate) { simulator in
            let journal = try await UndoCommandTests.apply(
                [directory.appendingPathComponent("estate.yaml").path], scratch: directory, url: simulator.url)
            let rita = try #require(await simulator.store.estate.users.values.first { $0.username == "rita" })
            let (code, result) = try await UndoCommandTests.undo(journal, scratch: directory, url: simulator.url, allowDeletes: true)
            #expect(code == 0, "\(result.output)\(result.errorOutput)")
            let after = await simulator.store.estate
            #expect(after.users[rita.id]?.isDisabled == true && after.users[rita.id]?.isDeleted == false)
            #expect(after.groups[1]!.members == [2])
            await Self.expectNoUserDeleted(simulator)
        }
    }

    @Test("bootstrap: export production, apply to a bare instance, plan clean: the people come along")
    func bootstrap() async throws {
        var production = Self.estate
        production.users[3]!.source = .system
        production.users[2]!.managerID = 1
        production.groups[1]!.members = [1, 2]
        let out = ExportCommandTests.scratch()
        defer { try? FileManager.default.removeItem(atPath: out) }
        try await withLiveSimulator(estate: production) { simulator in
            let (code, result) = try await ExportCommandTests.export(simulator.url, to: out, kinds: [.groups, .companies, .locations, .users])
            #expect(code == 0, "\(result.errorOutput)")
        }
        try await withLiveSimulator(estate: Estate()) { bare in
            let (code, result) = try await ApplyCommandTests.apply([out], url: bare.url, scratch: URL(fileURLWithPath: out))
            #expect(code == 0, "\(result.output)\(result.errorOutput)")
            let users = await bare.store.estate.users.values
            #expect(Set(users.map(\.username)) == ["alice", "bob", "carl", "dana"])
            let bob = try #require(users.first { $0.username == "bob" })
            #expect(bob.managerID == users.first { $0.username == "alice" }?.id)
            #expect(users.first { $0.username == "carl" }?.isDisabled == true)
            let (planCode, planned) = try await PlanCommandTests.plan([out], url: bare.url, detailed: true)
            #expect(planCode == 0, "\(planned.output)")
            await Self.expectNoUserDeleted(bare)
        }
    }

    @Test("export leaves out an account its username cannot identify, saying why; a username that is an email is written")
    func exportEdgeCases() {
        let export = EstateExport(ExportEdgeCaseTests.awkward, kinds: [.users])
        #expect(export.manifest.users.map(\.username) == ["carol", "dave@home"])
        #expect(export.manifest.users.last?.email?.value == "dave@acme.example")
        #expect(
            export.warnings == [
                "user id 3 skipped: it has no username",
                "user id 4 skipped: its username \"42\" is a number, which a manifest reads as an id",
                "user id 1 skipped: its username \"alice\" is another account's too, but for case",
                "user id 2 skipped: its username \"ALICE\" is another account's too, but for case",
            ])
    }

    @Test("doctor with OAuth2 asks for the users' write scopes, and names them when the client is not granted them")
    func doctorUserScopes() async throws {
        let writes = "api.v1.user.disable:put, api.v1.user.enable:put, api.v1.user:post, api.v1.user:put"
        for granted in [nil, Set(FetchScope.everything.readScopes)] {
            try await withLiveSimulator(options: OAuthEndToEndTests.options(granted: granted)) { simulator in
                let target = try TargetOptions.parse(["--url", simulator.url])
                let (code, result) = await Console.run { console in
                    await DoctorCommand.doctor(
                        paths: [], format: .text, target: target, environment: OAuthEndToEndTests.environment, console: console)
                }
                if granted == nil {
                    #expect(code == 0, "\(result.output)")
                    #expect(result.output.contains("\nok       write users: the OAuth client is granted \(writes)\n"), "\(result.output)")
                } else {
                    #expect(code == 1)
                    #expect(result.output.contains("\nfailed   write users: the OAuth client is not granted \(writes) ("), "\(result.output)")
                }
            }
        }
    }
}
