import DeskformCLI
import Foundation
import Manifest
import Planner
import Reconciler
import TestSupport
import Testing

@Suite("deskform show")
struct ShowCommandTests {
    static func scratch() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("show-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// The Acme example's plan against the demo seed, saved for a fixed target at a fixed time.
    static func savedAcmePlan() async throws -> PlanFile {
        let manifest = ManifestLoader().load(paths: [Golden.path("examples/acme")]).estate
        var file = try await withLiveSimulator { simulator in
            try await Reconciliation.prepare(manifest, client: simulator.client, parallelism: 4, logger: Fixtures.quietLogger)
                .saved(for: "https://acme.sd.cloud.invgate.net")
        }
        file.createdAt = "2026-01-14T09:30:12Z"
        return file
    }

    static func show(_ path: String, format: PlanCommand.Format = .text) -> (code: Int32, output: String, errors: String) {
        let (console, recording) = Console.recording()
        let code = ShowCommand.show(path, format: format, console: console)
        return (code, recording.output, recording.errorOutput)
    }

    @Test("a saved plan prints as plan prints it, in text, JSON and Markdown, without reaching the instance")
    func savedPlan() async throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let file = try await Self.savedAcmePlan()
        let path = scratch.appendingPathComponent("acme.plan").path
        try file.write(to: path)
        let text = Self.show(path)
        #expect(text.code == 0 && text.errors == "")
        try Golden.assert(text.output, matches: "acme.show.txt")
        #expect(text.output == "Plan saved 2026-01-14T09:30:12Z for https://acme.sd.cloud.invgate.net\n\n" + file.plan.text())
        let json = Self.show(path, format: .json)
        #expect(json.code == 0 && json.output == file.plan.json(target: file.target).prettyPrinted() + "\n")
        let markdown = Self.show(path, format: .markdown)
        #expect(markdown.code == 0 && markdown.output == file.plan.markdown(target: file.target))
    }

    @Test("a journal prints each step at its last event: answers, failures, steps cut short")
    func journal() async throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let plan = try await Self.savedAcmePlan().plan
        let start = Date(timeIntervalSince1970: 1_768_383_012)
        let journal = try Journal(directory: scratch.path, date: start)
        let steps = plan.steps
        func at(_ seconds: Double) -> Date { start.addingTimeInterval(seconds) }
        let events: [JournalEntry] = [
            JournalEntry(time: at(0.1), step: steps[0], call: steps[0].operation.wireCall, outcome: .started),
            JournalEntry(time: at(0.2), step: steps[0], call: steps[0].operation.wireCall, outcome: .applied, learned: "1"),
            JournalEntry(time: at(0.3), step: steps[1], call: steps[1].operation.wireCall, outcome: .started),
            JournalEntry(
                time: at(0.4), step: steps[1], call: steps[1].operation.wireCall, outcome: .failed,
                error: "the API answered 503 Service Unavailable"),
            JournalEntry(time: at(0.5), step: steps[2], call: steps[2].operation.wireCall, outcome: .started),
            JournalEntry(time: at(0.6), step: steps[3], call: steps[3].operation.wireCall, outcome: .notStarted),
        ]
        for event in events { try await journal.record(event) }
        await journal.close()
        let path = journal.path
        let text = Self.show(path)
        #expect(text.code == 0 && text.errors == "")
        try Golden.assert(text.output.replacingOccurrences(of: path, with: "JOURNAL"), matches: "journal.show.txt")
        let json = Self.show(path, format: .json)
        #expect(json.code == 0)
        #expect(json.output.contains(#""outcome": "failed""#) && json.output.contains(#""learned": "1""#))
        let markdown = Self.show(path, format: .markdown)
        #expect(markdown.output.hasPrefix("### deskform journal `\(path)`\n\n**Steps: 1 applied, 1 failed, 1 cut short, 1 not started.**"))
    }

    @Test("a file that is neither, or of another version, is refused in one sentence")
    func refused() throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let notes = scratch.appendingPathComponent("notes.txt").path
        try Data("hello\n".utf8).write(to: URL(fileURLWithPath: notes))
        let neither = Self.show(notes)
        #expect(neither.code == 1 && neither.output == "")
        #expect(
            neither.errors == """
                deskform: error: \(notes) is neither a saved plan nor a journal; nothing was shown.
                  hint: give a file written by `deskform plan --out FILE` or one under .deskform/journal.

                """)
        let old = scratch.appendingPathComponent("old.plan").path
        try Data(#"{"format_version": 2}"#.utf8).write(to: URL(fileURLWithPath: old))
        let other = Self.show(old)
        #expect(
            other.errors
                == "deskform: error: \(old) cannot be shown: it was written by an earlier deskform (plan file format 2; this one reads 4): show it with the deskform that saved it, or plan again.\n"
        )
        let future = scratch.appendingPathComponent("future.jsonl").path
        try Data(#"{"format_version": 9, "time": "x"}"#.utf8 + [10]).write(to: URL(fileURLWithPath: future))
        #expect(
            Self.show(future).errors
                == "deskform: error: journal \(future): line 1 has format version 9; this deskform reads 1; nothing was shown.\n")
        let missing = scratch.appendingPathComponent("missing.plan").path
        #expect(Self.show(missing).errors == "deskform: error: there is no file \(missing); nothing was shown.\n")
    }
}
