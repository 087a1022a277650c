import DeskformCLI
import EstateModel
import Foundation
import Planner
import Reconciler
import TestSupport
import Testing

/// Side effects on kinds the manifests do not declare, and undo's ways back: each case a user met, end to
/// end through the commands and the simulator.
@Suite("side effects on undeclared kinds, and undo of renames")
struct SideEffectUndoTests {
    /// The demo users, company Acme (external_id ACME) with members alice and bob relating group Ops
    /// (members alice, carol), and group IT.
    static func estate() -> Estate {
        var estate = Estate(users: Fixtures.demoEstate.users)
        estate.groups = [1: Group(id: 1, name: "Ops", members: [1, 3]), 2: Group(id: 2, name: "IT", members: [2])]
        estate.companies = [1: Company(id: 1, name: "Acme", externalID: "ACME", members: [1, 2], groups: [1])]
        estate.advanceSequences()
        return estate
    }

    @Test("deleting a group a company relates, from manifests that declare only groups: the plan shows and counts the company, undo relinks it")
    func groupDeletionReadsCompanies() async throws {
        let scratch = try UndoCommandTests.scratch(manifest: "groups:\n  - name: Ops\n    absent: true\n")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let before = Self.estate()
        try await withLiveSimulator(estate: before) { simulator in
            let target = try TargetOptions.parse(["--url", simulator.url])
            let (code, result) = await Console.run { console in
                await ApplyCommand.apply(
                    UndoCommandTests.settings(scratch, paths: [scratch.path]), target: target, environment: UndoCommandTests.credentials,
                    approval: .automatic, console: console)
            }
            #expect(code == 0, "\(result.errorOutput)")
            #expect(
                result.output.contains(
                    """
                    - group["Ops"]  (absent: true)
                        name: "Ops"
                        ! drops its 2 memberships
                        ! also changes company["Acme"] (a side effect of the API)

                    API calls (1, in order; independent ones run concurrently):
                      1. DELETE groups id=1

                    Plan: 0 to add, 1 to change, 1 to destroy. 1 unmanaged object left alone (groups: 1).

                    """))
            let applied = await simulator.store.estate
            #expect(applied.companies[1]?.groups == [])
            let journal = try #require(result.errorOutput.split(separator: "\n").first { $0.hasPrefix("Journal: ") }).dropFirst(9)
            let recorded = try #require(try JournalFile.read(from: String(journal)).before)
            #expect(recorded.state.companies[1]?.groups == [1])
            #expect(recorded.touched.contains(Address(.company, "Acme")))

            let (undone, undo) = try await UndoCommandTests.undo(String(journal), scratch: scratch, url: simulator.url)
            #expect(undone == 0, "\(undo.errorOutput)")
            let after = await simulator.store.estate
            #expect(after.managedState() == before.managedState())
            let ops = try #require(after.groups.values.first { $0.name == "Ops" })
            #expect(after.companies[1]?.groups == [ops.id])
        }
    }

    @Test("a company renamed through external_id and related to a new group: undo renames it back and deletes the group")
    func renameThroughExternalID() async throws {
        let scratch = try UndoCommandTests.scratch(
            manifest: """
                companies:
                  - name: Acme Corp
                    external_id: ACME
                    groups: [Ops, New]
                groups:
                  - name: New
                    members: [dave]

                """)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let before = Self.estate()
        try await withLiveSimulator(estate: before) { simulator in
            let journal = try await UndoCommandTests.apply([scratch.path], scratch: scratch, url: simulator.url)
            let applied = await simulator.store.estate
            #expect(applied.companies[1]?.name == "Acme Corp" && applied.companies[1]?.groups.count == 2)
            let (code, result) = try await UndoCommandTests.undo(journal, scratch: scratch, url: simulator.url)
            #expect(code == 0, "\(result.errorOutput)")
            #expect(
                result.output.contains(
                    """
                    ~ company["Acme"]  (renamed from "Acme Corp")
                        name: "Acme Corp" → "Acme"
                        - groups: New

                    - group["New"]  (created by the apply being undone)
                        name: "New"
                        ! drops its 1 membership

                    API calls (3, in order; independent ones run concurrently):
                      1. PUT    companies id=1 name=Acme
                      2. DELETE companies.groups id=1 groups[]=3 unlink_users_too=0
                      3. DELETE groups id=3

                    Plan: 0 to add, 1 to change, 1 to destroy.
                    """))
            let after = await simulator.store.estate
            #expect(after.managedState() == before.managedState())
            #expect(after.companies.count == 1 && after.companies[1]?.name == "Acme")

            // Twice: nothing is left to undo, and that is not a conflict.
            let (again, second) = try await UndoCommandTests.undo(journal, scratch: scratch, url: simulator.url)
            #expect(again == 0, "\(second.errorOutput)")
            #expect(second.output.hasSuffix("\nNothing left to undo: every object that apply touched is as it was before it (\(journal)).\n"))
            #expect(!second.errorOutput.contains("error"), "\(second.errorOutput)")
            #expect(await simulator.store.estate == after)
        }
    }

    @Test("export --target company[…] writes the groups the company relates to, as it promises, and no other group")
    func targetedExportWritesRelatedGroups() async throws {
        let scratch = try UndoCommandTests.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        try await withLiveSimulator(estate: Self.estate()) { simulator in
            let out = scratch.appendingPathComponent("export").path
            let (code, result) = await Console.run { console in
                await ExportCommand.export(
                    out: out, targeting: try! TargetingOptions(targets: [#"company["Acme"]"#]).targeting,
                    target: try! TargetOptions.parse(["--url", simulator.url]), environment: UndoCommandTests.credentials, console: console)
            }
            #expect(code == 0, "\(result.errorOutput)")
            #expect(result.output.hasSuffix("Exported 1 company, 1 group to \(out) (1 file).\n"), "\(result.output)")
            let written = try String(contentsOfFile: out + "/estate.yaml", encoding: .utf8)
            #expect(written.contains("groups:\n- name: Ops\n  members: [alice, carol]\n") && !written.contains("IT"), "\(written)")
        }
    }
}
