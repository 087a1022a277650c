import DeskformCLI
import EstateModel
import Foundation
import InvGateWire
import Planner
import Reconciler
import Simulator
import TestSupport
import Testing

@Suite("deskform undo")
struct UndoCommandTests {
    static let credentials = ["INVGATE_USERNAME": "api", "INVGATE_TOKEN": "deskform"]

    static func scratch(manifest: String? = nil) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("undo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        if let manifest { try Data(manifest.utf8).write(to: directory.appendingPathComponent("estate.yaml")) }
        return directory
    }

    static func settings(_ scratch: URL, paths: [String] = [], allowDeletes: Bool = false) -> ApplyCommand.Settings {
        ApplyCommand.Settings(paths: paths, allowDeletes: allowDeletes, journalDirectory: scratch.appendingPathComponent("journal").path)
    }

    /// The Acme example without its `protect: true`, which undo keeps to (``protect()``): a copy in `scratch`.
    static func unprotectedAcme(in scratch: URL) throws -> String {
        let text = try String(contentsOfFile: Golden.path("examples/acme/acme.yaml"), encoding: .utf8)
        let unprotected = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains("protect: true") }
        #expect(unprotected.count == text.split(separator: "\n", omittingEmptySubsequences: false).count - 1)
        let path = scratch.appendingPathComponent("acme.yaml").path
        try unprotected.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Applies `paths` and returns the journal it wrote.
    static func apply(_ paths: [String], scratch: URL, url: String) async throws -> String {
        let target = try TargetOptions.parse(["--url", url])
        let (code, result) = await Console.run { console in
            await ApplyCommand.apply(
                settings(scratch, paths: paths), target: target, environment: credentials, approval: .automatic, console: console)
        }
        #expect(code == 0, "\(result.errorOutput)")
        let journal = try #require(result.errorOutput.split(separator: "\n").first { $0.hasPrefix("Journal: ") })
        return String(journal.dropFirst("Journal: ".count))
    }

    static func undo(
        _ journal: String, scratch: URL, url: String, out: String? = nil, force: Bool = false, allowDeletes: Bool = false,
        targeting: [String] = []
    ) async throws -> (code: Int32, recording: Console.Recording) {
        let target = try TargetOptions.parse(["--url", url])
        let targeting = try TargetingOptions.parse(targeting).targeting
        return await Console.run { console in
            await UndoCommand.undo(
                journal, settings: settings(scratch, allowDeletes: allowDeletes), out: out, force: force, targeting: targeting,
                target: target, environment: credentials, approval: .automatic, console: console)
        }
    }

    @Test(
        "apply the Acme example, then undo: every object it touched is as it was read, and nothing is left to plan",
        arguments: SimulatorDialect.allCases)
    func applyThenUndo(dialect: SimulatorDialect) async throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let before = dialect == .rough ? Fixtures.withDeletedTwin(Fixtures.demoEstate) : Fixtures.demoEstate
        try await withLiveSimulator(estate: Fixtures.demoEstate, dialect: dialect) { simulator in
            let journal = try await Self.apply([try Self.unprotectedAcme(in: scratch)], scratch: scratch, url: simulator.url)
            let recorded = try #require(try JournalFile.read(from: journal).before)
            // What the apply read: the kinds its manifests name, as they were.
            let read = recorded.state.managedState()
            #expect(!read.isEmpty && before.managedState().filter { read[$0.key] != nil } == read)
            let (code, result) = try await Self.undo(journal, scratch: scratch, url: simulator.url)
            #expect(code == 0, "\(result.errorOutput)")
            #expect(
                result.output.contains(
                    "Undo of \(journal): the way back to the state read before that apply, for the objects it touched.\n"
                ))
            #expect(result.output.contains("Apply complete: "))
            let after = await simulator.store.estate
            #expect(after.managedState() == before.managedState())
            #expect(after.companies.isEmpty && after.groups.isEmpty && after.locations.isEmpty && after.kbCategories.isEmpty)
            // The proof: planning toward the recorded state now shows nothing left.
            #expect(try Undo(JournalFile.read(from: journal)).plan(live: after).isEmpty)
        }
    }

    @Test("an object changed by someone else after the apply is a conflict: refused, then undone with --force")
    func conflict() async throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let before = Fixtures.demoEstate
        try await withLiveSimulator(estate: before) { simulator in
            let journal = try await Self.apply([try Self.unprotectedAcme(in: scratch)], scratch: scratch, url: simulator.url)
            let group = try #require(await simulator.store.estate.groups.values.first { $0.name == "Acme IT" })
            _ = try await simulator.client.send(.addMembers(.group(group.id), users: [9]))
            let changed = await simulator.store.estate
            let (refused, refusal) = try await Self.undo(journal, scratch: scratch, url: simulator.url)
            #expect(refused == 1)
            #expect(
                refusal.errorOutput == """
                    deskform: error: undo refused: 1 object was changed by someone else after the apply; nothing was undone.
                      group["Acme IT"]: the apply left it with members=alice,dave observers=erin, and it is now with members=alice,dave,ivan observers=erin
                      hint: check those changes; run with --force to return them to the state before the apply anyway.

                    """)
            #expect(await simulator.store.estate == changed)
            let (forced, result) = try await Self.undo(journal, scratch: scratch, url: simulator.url, force: true)
            #expect(forced == 0, "\(result.errorOutput)")
            #expect(
                result.errorOutput.hasPrefix(
                    "deskform: warning: --force: undoing 1 object changed after the apply:\n  group[\"Acme IT\"]: "))
            #expect(await simulator.store.estate.managedState() == before.managedState())
        }
    }

    @Test("an undo that destroys more than policy.max_deletes is refused; --out saves it for apply FILE")
    func deleteLimit() async throws {
        let scratch = try Self.scratch(
            manifest: """
                groups:
                  - name: One
                  - name: Two
                  - name: Three
                policy:
                  max_deletes: 2

                """)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let before = Fixtures.demoEstate
        try await withLiveSimulator(estate: before) { simulator in
            let journal = try await Self.apply([scratch.appendingPathComponent("estate.yaml").path], scratch: scratch, url: simulator.url)
            let (refused, refusal) = try await Self.undo(journal, scratch: scratch, url: simulator.url)
            #expect(refused == 3)
            #expect(
                refusal.errorOutput.hasSuffix(
                    """
                    deskform: error: apply refused: the plan destroys 3 objects, more than policy.max_deletes (2); nothing was changed.
                      hint: run with --allow-deletes to allow them, or --hold-deletes to apply everything else.

                    """))
            #expect(await simulator.store.estate.groups.count == 3)
            let out = scratch.appendingPathComponent("undo.plan").path
            let (saved, savedResult) = try await Self.undo(journal, scratch: scratch, url: simulator.url, out: out)
            #expect(saved == 0)
            #expect(savedResult.output.contains("Plan: 0 to add, 0 to change, 3 to destroy."))
            #expect(savedResult.errorOutput == "Saved the undo plan to \(out); apply exactly it with: deskform apply \(out)\n")
            #expect(await simulator.store.estate.groups.count == 3)
            let (allowed, _) = try await Self.undo(journal, scratch: scratch, url: simulator.url, allowDeletes: true)
            #expect(allowed == 0)
            #expect(await simulator.store.estate.managedState() == before.managedState())
        }
    }

    @Test("undo keeps to the protect flags of the apply's manifests; --exclude leaves those objects, --target a typo is an error")
    func protect() async throws {
        let scratch = try Self.scratch(
            manifest: """
                groups:
                  - name: Keep
                    protect: true
                  - name: Scratch
                  - name: Spare

                """)
        defer { try? FileManager.default.removeItem(at: scratch) }
        try await withLiveSimulator(estate: Fixtures.demoEstate) { simulator in
            let journal = try await Self.apply([scratch.appendingPathComponent("estate.yaml").path], scratch: scratch, url: simulator.url)
            let applied = await simulator.store.estate
            let (refused, refusal) = try await Self.undo(journal, scratch: scratch, url: simulator.url)
            #expect(refused == 1)
            #expect(
                refusal.errorOutput == """
                    deskform: error: no undo plan could be made:
                    error: group["Keep"] is protected, but the way back deletes or replaces it (protect: true, in the manifests that \
                    apply ran with); undo the rest with --exclude 'group["Keep"]'.
                    Nothing was undone.

                    """)
            #expect(await simulator.store.estate == applied)
            let (typo, typoResult) = try await Self.undo(
                journal, scratch: scratch, url: simulator.url, targeting: ["--target", #"group["Scrach"]"#])
            #expect(typo == 1)
            #expect(
                typoResult.errorOutput == """
                    deskform: error: --target group["Scrach"] matches nothing that this apply touched
                      hint: did you mean group["Scratch"]?
                    Nothing was undone.

                    """)
            let (code, result) = try await Self.undo(
                journal, scratch: scratch, url: simulator.url, targeting: ["--exclude", #"group["Keep"]"#])
            #expect(code == 0, "\(result.errorOutput)")
            #expect(result.output.contains("Plan: 0 to add, 0 to change, 2 to destroy."))
            #expect(result.output.contains("- group[\"Scratch\"]  (created by the apply being undone)\n"))
            #expect(await simulator.store.estate.groups.values.map(\.name).sorted() == ["Keep"])
        }
    }

    @Test("an apply killed part-way is undone for the steps its journal says were sent")
    func killedPartWay() async throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let before = Fixtures.demoEstate
        try await withLiveSimulator(estate: before) { simulator in
            let journal = try await Self.apply([try Self.unprotectedAcme(in: scratch)], scratch: scratch, url: simulator.url)
            // What SIGKILL leaves: the journal up to a step that was sent and never answered, and the
            // instance with the steps before it applied.
            let lines = try String(contentsOfFile: journal, encoding: .utf8).split(separator: "\n")
            let sent = lines.indices.filter { lines[$0].contains(#""outcome":"started""#) }
            let cut = sent[sent.count / 2]
            try (lines.prefix(through: cut).joined(separator: "\n") + "\n").write(toFile: journal, atomically: true, encoding: .utf8)
            let killed = try JournalFile.read(from: journal)
            let plan = try #require(killed.before).plan
            let done = Set(killed.steps.filter(\.outcome.tookEffect).map(\.step))
            var partial = plan
            partial.steps = plan.steps.filter { done.contains($0.id) }
            let instance = try Planner.replay(partial, on: before)
            #expect(instance.managedState() != before.managedState())
            try await simulator.store.replace(with: instance)
            let (code, result) = try await Self.undo(journal, scratch: scratch, url: simulator.url)
            #expect(code == 0, "\(result.errorOutput)")
            #expect(await simulator.store.estate.managedState() == before.managedState())
        }
    }

    @Test("a journal without a recorded state, or from another instance, is refused; so is what is not a journal")
    func refused() async throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let bare = scratch.appendingPathComponent("bare.jsonl").path
        try Data(
            #"{"format_version":1,"time":"2026-01-14T09:30:12.100Z","step":0,"address":"group[\"Ops\"]","method":"POST","endpoint":"/groups","parameters":{},"outcome":"applied"}"#
                .utf8 + [10]
        )
        .write(to: URL(fileURLWithPath: bare))
        let (code, result) = try await Self.undo(bare, scratch: scratch, url: "http://127.0.0.1:9")
        #expect(code == 1)
        #expect(
            result.errorOutput
                == "deskform: error: \(bare) records no state from before its apply (an apply with nothing to do, or one by an older deskform), so there is nothing to go back to; nothing was undone.\n"
        )
        // What a stranger may pass instead of a journal: each says what it is and what to do.
        let empty = scratch.appendingPathComponent("empty.jsonl").path
        try Data().write(to: URL(fileURLWithPath: empty))
        let plan = scratch.appendingPathComponent("saved.plan").path
        try Data(#"{"format_version":3,"plan":{}}"#.utf8).write(to: URL(fileURLWithPath: plan))
        for (path, reason) in [
            (
                scratch.appendingPathComponent("missing.jsonl").path,
                "there is no such file; apply writes its journals in .deskform/journal/"
            ),
            (scratch.path, "it is a folder; name one journal file in it"),
            (empty, "it is empty: its apply stopped before it wrote anything to the journal or the instance"),
            (plan, "it is a saved plan, not a journal; apply it with deskform apply \(plan)"),
        ] {
            let (code, result) = try await Self.undo(path, scratch: scratch, url: "http://127.0.0.1:9")
            #expect(code == 1)
            #expect(result.errorOutput == "deskform: error: journal \(path): \(reason); nothing was undone.\n")
        }
        let journal = try await withLiveSimulator { simulator in
            try await Self.apply([Golden.path("examples/acme")], scratch: scratch, url: simulator.url)
        }
        try await withLiveSimulator { simulator in
            let (other, refusal) = try await Self.undo(journal, scratch: scratch, url: simulator.url)
            #expect(other == 1)
            #expect(refusal.errorOutput.contains("records an apply to http://127.0.0.1:"))
            #expect(
                refusal.errorOutput.hasSuffix(
                    "; nothing was undone.\n  hint: undo it against the instance it was applied to (--url or INVGATE_URL).\n"))
        }
    }
}

@Suite("specs/journal.schema.json")
struct JournalSchemaTests {
    @Test("documents every line of an apply's journal, the recorded state first")
    func journalLines() async throws {
        let schema = SchemaCheck(
            root: try JSONValue.parse(Data(contentsOf: URL(fileURLWithPath: Golden.path("specs/journal.schema.json")))))
        let scratch = try UndoCommandTests.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let journal = try await withLiveSimulator { simulator in
            try await UndoCommandTests.apply([Golden.path("examples/acme")], scratch: scratch, url: simulator.url)
        }
        let lines = try String(contentsOfFile: journal, encoding: .utf8).split(separator: "\n")
        #expect(lines.count > 2)
        #expect(lines.first?.hasPrefix(#"{"format_version":1,"event":"before_apply","#) == true)
        for (index, line) in lines.enumerated() {
            #expect(schema.violations(of: try JSONValue.parse(Array(line.utf8))) == [], "line \(index + 1)")
        }
        #expect(
            schema.violations(of: try JSONValue.parse(Array(#"{"format_version":1,"step":0}"#.utf8))) == [
                "$: matches 0 of the oneOf schemas, not 1"
            ])
    }

    @Test("an apply with nothing to do leaves no journal")
    func noEmptyJournal() async throws {
        let scratch = try UndoCommandTests.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        try await withLiveSimulator { simulator in
            _ = try await UndoCommandTests.apply([Golden.path("examples/acme")], scratch: scratch, url: simulator.url)
            let target = try TargetOptions.parse(["--url", simulator.url])
            let (code, result) = await Console.run { console in
                await ApplyCommand.apply(
                    UndoCommandTests.settings(scratch, paths: [Golden.path("examples/acme")]), target: target,
                    environment: UndoCommandTests.credentials, approval: .automatic, console: console)
            }
            #expect(code == 0 && result.output.hasSuffix("Nothing to apply.\n"))
            let journals = try FileManager.default.contentsOfDirectory(atPath: scratch.appendingPathComponent("journal").path)
            #expect(journals.count == 1)
        }
    }
}
