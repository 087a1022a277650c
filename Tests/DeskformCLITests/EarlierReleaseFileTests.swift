import DeskformCLI
import EstateModel
import Foundation
import Planner
import Reconciler
import Simulator
import TestSupport
import Testing

/// The files a release of deskform wrote, in the formats of that release, committed as it wrote them and
/// read by every release after it, forever: a journal, a saved plan, the embedded instance's state file,
/// and a saved plan that holds every operation (``FormatSamples``). Each folder of `Fixtures/releases/`
/// holds one release's files, made from the Acme example without `protect: true` (`acme.yaml` beside
/// them) against the demo seed: `plan acme.yaml --out`, then `apply acme.yaml --auto-approve
/// --parallelism 1`, keeping its journal and the state file it left. A release that changes a format adds
/// a folder, recorded by `DESKFORM_RECORD_RELEASE=<version>-<name> swift test --filter EarlierReleaseFileTests`
/// (``record(into:)``); no folder is ever rewritten once released.
@Suite("files written by earlier releases")
struct EarlierReleaseFileTests {
    /// One release's folder, and the format versions of its files.
    struct Release: Sendable, CustomTestStringConvertible {
        var folder: String
        var journalVersion: Int
        var planFileVersion: Int
        /// Whether today's deskform applies its saved plans (it refuses those whose fingerprint it no longer makes).
        var planFileApplies: Bool

        var testDescription: String { folder }
        var path: String { Golden.path("Tests/DeskformCLITests/Fixtures/releases/\(folder)") }
        func file(_ name: String) -> String { "\(path)/\(name)" }
        var journal: String { file("journal-v\(journalVersion).jsonl") }
        var planFile: String { file("plan-file-v\(planFileVersion).json") }
        var everyOperation: String { file("plan-every-operation-v\(planFileVersion).json") }
    }

    /// Every release whose files are kept, oldest first: 0.1 closed wave 2 (journal 1, plan file 3, a state
    /// file without a version); 0.2 gave every key a name of its own (journal 2, plan file 4, state file 2).
    static let releases = [
        Release(folder: "0.1-wave2", journalVersion: 1, planFileVersion: 3, planFileApplies: false),
        Release(folder: "0.2-wave3", journalVersion: 2, planFileVersion: 4, planFileApplies: true),
    ]

    /// The embedded instance's folder as the recorded files name it (they were made in a folder holding it).
    static let recordedFolder = ".deskform"

    /// `text` with the recorded embedded instance's folder replaced by `folder`, however its JSON wrote the slash.
    static func relocated(_ text: String, to folder: String) -> String {
        text.replacingOccurrences(of: "local instance (\(recordedFolder)/local-instance.json)", with: "local instance (\(folder)/local-instance.json)")
            .replacingOccurrences(of: #"local instance (.deskform\/local-instance.json)"#, with: "local instance (\(folder)/local-instance.json)")
    }

    @Test("show prints a journal step by step, with what the API answered", arguments: releases)
    func showJournal(release: Release) throws {
        let (console, recording) = Console.recording()
        let code = ShowCommand.show(release.journal, format: .text, console: console)
        #expect(code == 0, "\(recording.errorOutput)")
        let lines = recording.output.split(separator: "\n")
        #expect(lines.first?.hasPrefix("Journal \(release.journal) (format \(release.journalVersion)): from 2026-12-05T") == true)
        #expect(lines.filter { $0.hasSuffix(": applied") || $0.contains(": applied (answered ") }.count == 18)
        #expect(lines.last == "Steps: 18 applied.")
        #expect(lines.contains { $0.hasSuffix("POST locations location[\"Madrid\"]: applied (answered 1)") })
    }

    @Test("undo of a journal, on the embedded instance its apply left, brings back the demo seed", arguments: releases)
    func undoJournal(release: Release) async throws {
        let scratch = try UndoCommandTests.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        // The apply ran on the embedded instance in the folder it ran in (.deskform): here that folder is
        // the scratch's, holding the state file the apply left, and the journal's copy says so.
        let folder = scratch.appendingPathComponent(".deskform").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: release.file("instance-after-apply.json"), toPath: "\(folder)/local-instance.json")
        let recorded = try String(contentsOfFile: release.journal, encoding: .utf8)
        #expect(recorded.contains("\"target\":\"local instance (.deskform/local-instance.json)\""))
        let journal = scratch.appendingPathComponent("journal.jsonl").path
        try Self.relocated(recorded, to: folder).write(toFile: journal, atomically: true, encoding: .utf8)
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

    @Test(
        "a saved plan applies to the embedded instance it was planned against, as that apply did, or is refused in one sentence naming its format",
        arguments: releases)
    func applyPlanFile(release: Release) async throws {
        let scratch = try UndoCommandTests.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        // A new embedded instance (the demo seed) in the scratch's folder, and the plan's copy names it.
        let folder = scratch.appendingPathComponent(".deskform").path
        let saved = try String(contentsOfFile: release.planFile, encoding: .utf8)
        let plan = scratch.appendingPathComponent("acme.plan.json").path
        let relocated = Self.relocated(saved, to: folder)
        #expect(relocated != saved)
        try relocated.write(toFile: plan, atomically: true, encoding: .utf8)
        let target = try TargetOptions.parse([])
        let (code, result) = await Console.run { console in
            await ApplyCommand.apply(
                UndoCommandTests.settings(scratch, paths: [plan]), target: target, environment: ["DESKFORM_DIR": folder],
                approval: .automatic, console: console)
        }
        guard release.planFileApplies else {
            #expect(code == 1)
            #expect(
                result.errorOutput
                    == "deskform: error: \(plan) cannot be applied: it was written by an earlier deskform (plan file format \(release.planFileVersion); this one reads \(PlanFile.formatVersion)): "
                    + "make the plan again with this deskform (`deskform plan --out`) and apply that.\n")
            #expect(!FileManager.default.fileExists(atPath: "\(folder)/local-instance.json"))
            return
        }
        #expect(code == 0, "\(result.errorOutput)")
        #expect(result.output.contains("Apply complete: 18 applied, 0 failed, 0 skipped."))
        let applied = try StateFile(path: "\(folder)/local-instance.json").load()
        #expect(applied.managedState() == (try StateFile(path: release.file("instance-after-apply.json")).load()).managedState())
    }

    /// The plan a journal's first line holds is written as a saved plan holds it: a journal of release 0.1
    /// holds it in the shape of this sample (``FileCoding/release01Decoder()``); one of today's, as a plan file does.
    @Test("a plan of every operation reads back as it was written, as a journal or a saved plan holds it", arguments: releases)
    func everyOperation(release: Release) throws {
        struct Saved: Decodable { var plan: Plan }
        let data = try Data(contentsOf: URL(fileURLWithPath: release.everyOperation))
        let decoder = release.journalVersion < JournalEntry.formatVersion ? FileCoding.release01Decoder() : FileCoding.decoder()
        let plan = try decoder.decode(Saved.self, from: data).plan
        // Operations added since are appended to the sample: a release's file holds those it knew.
        let sample = FormatSamples.plan(firstSteps: plan.steps.count)
        #expect(plan.steps.count >= 41)
        #expect(plan == sample)
        guard release.planFileApplies else { return }
        let file = try PlanFile.read(from: release.everyOperation)
        #expect(file.plan == sample)
        #expect(file.scope == FormatSamples.scope && file.fingerprint == FormatSamples.fingerprint)
        #expect(file.target == FormatSamples.planFile.target && file.createdAt == FormatSamples.planFile.createdAt)
    }

    @Test("today's formats have their release folder, and today's writer writes what it holds")
    func currentRelease() async throws {
        if let folder = ProcessInfo.processInfo.environment["DESKFORM_RECORD_RELEASE"] {
            try await Self.record(
                into: Release(
                    folder: folder, journalVersion: JournalEntry.formatVersion, planFileVersion: PlanFile.formatVersion, planFileApplies: true))
            Issue.record("recorded Fixtures/releases/\(folder); add it to EarlierReleaseFileTests.releases and run again without DESKFORM_RECORD_RELEASE")
            return
        }
        let current = try #require(Self.releases.last)
        #expect(
            current.journalVersion == JournalEntry.formatVersion && current.planFileVersion == PlanFile.formatVersion,
            "a format version changed: record a release folder of the new one (DESKFORM_RECORD_RELEASE)")
        // The file read and written again is the same bytes: renaming a Swift property or case changes no file.
        let released = try String(contentsOfFile: current.everyOperation, encoding: .utf8)
        let written = try FileCoding.encoder(pretty: true).encode(try PlanFile.read(from: current.everyOperation))
        #expect(
            String(decoding: written, as: UTF8.self) == released,
            "today's writer no longer writes plan file format \(PlanFile.formatVersion) as it was released: give the format a new version")
        for release in Self.releases {
            for name in ["acme.yaml", "instance-after-apply.json"] {
                #expect(FileManager.default.fileExists(atPath: release.file(name)), "\(release.folder)/\(name)")
            }
        }
    }

    /// Writes today's files into `release`'s folder: the sample of every operation, and the Acme example
    /// planned and applied on a new embedded instance, the folder it ran in named `.deskform`.
    static func record(into release: Release) async throws {
        try FileManager.default.createDirectory(atPath: release.path, withIntermediateDirectories: true)
        try FormatSamples.planFile.write(to: release.everyOperation)
        let scratch = try UndoCommandTests.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let folder = scratch.appendingPathComponent(".deskform").path
        let acme = try UndoCommandTests.unprotectedAcme(in: scratch)
        let target = try TargetOptions.parse(["--parallelism", "1"])
        let environment = ["DESKFORM_DIR": folder]
        let saved = scratch.appendingPathComponent("acme.plan.json").path
        let (planned, planning) = await Console.run { console in
            await PlanCommand.plan(
                paths: [acme], format: .text, detailedExitcode: false, out: saved, target: target, environment: environment, console: console)
        }
        #expect(planned == 0, "\(planning.errorOutput)")
        let (applied, applying) = await Console.run { console in
            await ApplyCommand.apply(
                UndoCommandTests.settings(scratch, paths: [acme]), target: target, environment: environment, approval: .automatic,
                console: console)
        }
        #expect(applied == 0, "\(applying.errorOutput)")
        let journal = try #require(applying.errorOutput.split(separator: "\n").first { $0.hasPrefix("Journal: ") }).dropFirst("Journal: ".count)
        func keep(_ source: String, as name: String) throws {
            let text = try String(contentsOfFile: source, encoding: .utf8).replacingOccurrences(of: folder, with: recordedFolder)
            try text.write(toFile: release.file(name), atomically: true, encoding: .utf8)
        }
        try keep(saved, as: "plan-file-v\(release.planFileVersion).json")
        try keep(String(journal), as: "journal-v\(release.journalVersion).jsonl")
        try keep("\(folder)/local-instance.json", as: "instance-after-apply.json")
        try keep(acme, as: "acme.yaml")
    }
}
