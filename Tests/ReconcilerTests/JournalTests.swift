import EstateModel
import Foundation
import InvGateAPI
import InvGateWire
import Planner
import Reconciler
import Simulator
import TestSupport
import Testing

@Suite("Journal: one JSON line per step event")
struct JournalTests {
    @Test("an execution journals every step: started, then its outcome, with the call, learned ids and errors")
    func linesAsSpecified() async throws {
        let root = Harness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let directory = root + "/nested/journal"
        let options = SimulatorOptions(username: "api-user", token: "s3cr3t-t0ken")
        try await withLiveSimulator(estate: SkippedStepTests.live, options: options) { sim in
            var changed = SkippedStepTests.live
            try changed.apply(.deleteGroup(id: 1))
            try await sim.store.replace(with: changed)
            let journal = try Journal(directory: directory)
            let report = await Harness.executor(sim.client, journal: journal).execute(SkippedStepTests.plan)
            await journal.close()

            #expect(journal.path.hasPrefix(directory + "/") && journal.path.hasSuffix(".jsonl"))
            let text = try String(contentsOfFile: journal.path, encoding: .utf8)
            #expect(!text.contains("s3cr3t-t0ken") && !text.contains("api-user") && !text.contains("Authorization"))
            let lines = try text.split(separator: "\n").map { try JSONValue.parse(Array($0.utf8)) }
            for line in lines {
                for field in ["time", "step", "address", "method", "endpoint", "parameters", "outcome"] {
                    #expect(line[field] != nil, "\(field) in \(line)")
                }
            }
            let events = lines.map { ($0["step"]!.int!, $0["outcome"]!.string!) }
            for result in report.results {
                let outcomes = events.filter { $0.0 == result.step.id }.map(\.1)
                switch result.outcome {
                case .applied: #expect(outcomes == ["started", "applied"])
                case .failed: #expect(outcomes == ["started", "failed"])
                case .skipped: #expect(outcomes == ["skipped"])
                case .notStarted: #expect(outcomes == ["not_started"])
                }
            }
            let create = try #require(lines.first { $0["step"]?.int == 0 && $0["outcome"]?.string == "applied" })
            #expect(create["method"]?.string == "POST" && create["endpoint"]?.string == "groups")
            #expect(create["parameters"] == .object([("name", .string("New"))]))
            #expect(create["learned"]?.string == "2")
            let relate = try #require(lines.first { $0["step"]?.int == 3 && $0["outcome"]?.string == "started" })
            #expect(relate["parameters"]?["groups"] == .array([.string("2")]))
            let failed = try #require(lines.first { $0["outcome"]?.string == "failed" })
            #expect(failed["step"]?.int == 1)
            #expect(failed["address"]?.string == #"group["Doomed"]"#)
            #expect(failed["error"]?.string?.contains("HTTP 404") == true)
        }
    }

    @Test("two journals opened at the same instant get distinct files")
    func distinctFiles() throws {
        let directory = Harness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let now = Date()
        let first = try Journal(directory: directory, date: now)
        let second = try Journal(directory: directory, date: now)
        #expect(first.path != second.path)
    }

    @Test("every outcome is written and read back with the journal's own word; a word it does not know is an error naming its line")
    func outcomeWords() throws {
        #expect(JournalOutcome.allCases.map(\.rawValue) == ["started", "outcome_unknown", "adopted", "applied", "failed", "skipped", "not_started"])
        let directory = Harness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/journal.jsonl"
        let line = { (outcome: String) in
            #"{"format_version":1,"time":"2026-12-05T07:15:00.650Z","step":0,"address":"group[\"Ops\"]","method":"POST","endpoint":"groups","parameters":{"name":"Ops"},"outcome":"\#(outcome)"}"#
        }
        try JournalOutcome.allCases.map { line($0.rawValue) }.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try JournalFile.read(from: path).events.map(\.outcome) == JournalOutcome.allCases)
        try [line("applied"), line("exploded")].joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: JournalError(path: path, reason: "line 2 has the outcome \"exploded\", which this deskform does not know")) {
            try JournalFile.read(from: path)
        }
    }
}
