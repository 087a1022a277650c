import EstateModel
import Foundation
import Planner
import Reconciler
import TestSupport
import Testing

/// Saved plans and journals read back equal to what was written, and written again are the same bytes.
@Suite("plan files and journals: what is written reads back equal")
struct FileFormatPropertyTests {
    @Test("random plans, and the estates they were made against, through a plan file and a journal's first line", arguments: propertySeeds(40))
    func roundTrip(seed: UInt64) throws {
        var generator = EstateGenerator(seed: seed)
        let live = Fixtures.withDeletedTwin(generator.liveEstate())
        let plan = try Planner.plan(desired: generator.desiredState(over: live), live: live, fetched: Set(ObjectKind.allCases))
        let encoder = FileCoding.encoder(pretty: true)

        let file = PlanFile(target: "https://acme.example", scope: .everything, live: live, plan: plan)
        let written = try encoder.encode(file)
        let read = try FileCoding.decoder().decode(PlanFile.self, from: written)
        #expect(read == file)
        #expect(try encoder.encode(read) == written)

        let before = StateBeforeApply(time: Date(timeIntervalSince1970: 1_796_454_900), target: "https://acme.example", plan: plan, state: live)
        let line = try FileCoding.encoder(pretty: false).encode(before)
        #expect(!line.contains(UInt8(ascii: "\n")))
        #expect(try FileCoding.decoder().decode(StateBeforeApply.self, from: line) == before)
    }

    @Test("the sample of every operation, through a plan file written and read as apply reads it")
    func everyOperation() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("every-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try FormatSamples.planFile.write(to: path)
        #expect(try PlanFile.read(from: path) == FormatSamples.planFile)
    }
}
