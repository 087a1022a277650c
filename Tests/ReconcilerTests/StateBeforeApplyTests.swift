import EstateModel
import Foundation
import Planner
import Reconciler
import TestSupport
import Testing

@Suite("The state before the apply, as its journal line")
struct StateBeforeApplyTests {
    @Test("written as one line, its keys sorted, and read back equal, alone in its journal")
    func roundTrip() async throws {
        let directory = Harness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let journal = try Journal(directory: directory)
        let state = StateBeforeApply(
            time: Date(timeIntervalSince1970: 1_767_225_600), target: "https://acme.example/api/v1",
            plan: Plan(warnings: ["a/b: kept as written"], maxDeletes: 3), state: Fixtures.demoEstate)
        try await journal.record(state)
        await journal.close()
        let text = try String(contentsOfFile: journal.path, encoding: .utf8)
        #expect(text.hasPrefix(#"{"event":"before_apply","format_version":2,"plan":{"changes":[],"ignore":[],"max_deletes":3,"#))
        #expect(text.hasSuffix(#","target":"https://acme.example/api/v1","time":"2026-01-01T00:00:00.000Z"}"# + "\n"))
        #expect(text.filter { $0 == "\n" }.count == 1)
        // A journal whose apply stopped before its first step holds this line alone: still a journal.
        let read = try JournalFile.read(from: journal.path)
        #expect(read.before == state)
        #expect(read.events.isEmpty)
    }
}
