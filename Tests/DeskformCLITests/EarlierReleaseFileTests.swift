import DeskformCLI
import EstateModel
import Foundation
import Reconciler
import Simulator
import TestSupport
import Testing

/// Files that an earlier release of deskform wrote, committed as that release wrote them and read by every
/// release after it: a journal, a saved plan and the embedded instance's state file. Each folder of
/// `Fixtures/releases/` holds one release's files, made from the Acme example without `protect: true`
/// (`acme.yaml` beside them) against the demo seed: `plan acme.yaml --out plan-file-v3.json`, then
/// `apply acme.yaml --auto-approve --parallelism 1`, keeping its journal and the state file it left.
/// A new format version adds a folder; no folder is ever rewritten.
@Suite("files written by earlier releases")
struct EarlierReleaseFileTests {
    /// The files of the release that closed wave 2 (0.1.0): journal format 1, plan file format 3.
    static let wave2 = Golden.path("Tests/DeskformCLITests/Fixtures/releases/0.1-wave2")

    static func file(_ name: String) -> String { "\(wave2)/\(name)" }

    @Test("show prints a format 1 journal step by step, with what the API answered")
    func showJournal() throws {
        let (console, recording) = Console.recording()
        let code = ShowCommand.show(Self.file("journal-v1.jsonl"), format: .text, console: console)
        #expect(code == 0, "\(recording.errorOutput)")
        let lines = recording.output.split(separator: "\n")
        #expect(lines.first?.hasPrefix("Journal \(Self.file("journal-v1.jsonl")) (format 1): from 2026-12-05T07:15:00") == true)
        #expect(lines.filter { $0.hasSuffix(": applied") || $0.contains(": applied (answered ") }.count == 18)
        #expect(lines.last == "Steps: 18 applied.")
        #expect(lines.contains { $0.hasSuffix("POST locations location[\"Madrid\"]: applied (answered 1)") })
    }

    @Test("undo of a format 1 journal, on the embedded instance its apply left, brings back the demo seed")
    func undoJournal() async throws {
        let scratch = try UndoCommandTests.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        // The apply ran on the embedded instance in the folder it ran in (.deskform): here that folder is
        // the scratch's, holding the state file the apply left, and the journal's copy says so.
        let folder = scratch.appendingPathComponent(".deskform").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.file("instance-after-apply.json"), toPath: "\(folder)/local-instance.json")
        let recorded = try String(contentsOfFile: Self.file("journal-v1.jsonl"), encoding: .utf8)
        let local = "local instance (.deskform/local-instance.json)"
        #expect(recorded.contains("\"target\":\"\(local)\""))
        let journal = scratch.appendingPathComponent("journal-v1.jsonl").path
        try recorded.replacingOccurrences(of: local, with: "local instance (\(folder)/local-instance.json)")
            .write(toFile: journal, atomically: true, encoding: .utf8)
        func undo() async throws -> (code: Int32, recording: Console.Recording) {
            let target = try TargetOptions.parse([])
            return await Console.run { console in
                await UndoCommand.undo(
                    journal, settings: UndoCommandTests.settings(scratch, allowDeletes: true), out: nil, force: false,
                    targeting: .everything, target: target, environment: ["DESKFORM_DIR": folder], approval: .automatic,
                    console: console)
            }
        }
        let (code, result) = try await undo()
        #expect(code == 0, "\(result.errorOutput)")
        #expect(result.output.contains("Apply complete: 9 applied, 0 failed, 0 skipped."))
        #expect(try StateFile(path: "\(folder)/local-instance.json").load().managedState() == Fixtures.demoEstate.managedState())
        let (again, second) = try await undo()
        #expect(again == 0, "\(second.errorOutput)")
        #expect(second.output.contains("Nothing left to undo"))
    }

    @Test("a format 3 plan file is refused in one sentence naming its format and what to do, with nothing written")
    func refusePlanFile() async throws {
        let scratch = try UndoCommandTests.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let folder = scratch.appendingPathComponent(".deskform").path
        let plan = Self.file("plan-file-v3.json")
        let target = try TargetOptions.parse([])
        let (code, result) = await Console.run { console in
            await ApplyCommand.apply(
                UndoCommandTests.settings(scratch, paths: [plan]), target: target, environment: ["DESKFORM_DIR": folder],
                approval: .automatic, console: console)
        }
        #expect(code == 1)
        #expect(
            result.errorOutput
                == "deskform: error: \(plan) cannot be applied: it was written by an earlier deskform (plan file format 3; this one reads 4): "
                + "make the plan again with this deskform (`deskform plan --out`) and apply that.\n")
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/local-instance.json"))
    }
}
