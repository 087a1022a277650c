import EstateModel
import Foundation
import Planner
import Reconciler
import TestSupport
import Testing

@Suite("The state before the apply, as its journal line")
struct StateBeforeApplyTests {
    @Test("written as one line (format_version, event and time first) and read back equal, alone in its journal")
    func roundTrip() async throws {
        let directory = Harness.temporaryDirectory()
        let journal = try Journal(directory: directory)
        let state = StateBeforeApply(
            time: Date(timeIntervalSince1970: 1_767_225_600), target: "https://acme.example/api/v1",
            plan: Plan(warnings: ["a/b: kept as written"], maxDeletes: 3), state: Fixtures.demoEstate)
        try await journal.record(state)
        await journal.close()
        let text = try String(contentsOfFile: journal.path, encoding: .utf8)
        #expect(text.hasPrefix(#"{"format_version":1,"event":"before_apply","time":"2026-01-01T00:00:00.000Z","plan":{"#))
        #expect(text.hasSuffix("}\n") && text.filter { $0 == "\n" }.count == 1)
        // A journal whose apply stopped before its first step holds this line alone: still a journal.
        let read = try JournalFile.read(from: journal.path)
        #expect(read.before == state)
        #expect(read.events.isEmpty)
    }
}
