import DeskformCLI
import EstateModel
import Foundation
import Planner
import Reconciler
import Simulator
import TestSupport
import Testing

/// The built `deskform` killed with SIGKILL in the middle of an apply, then `undo` of the journal it
/// left: what a machine that loses power or an OOM kill leaves behind.
@Suite("undo of an apply killed with SIGKILL")
struct KilledApplyTests {
    @Test("the journal a killed apply leaves is enough: undo puts every object it touched back as it was read")
    func undoAfterSIGKILL() async throws {
        let scratch = try UndoCommandTests.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let manifest = try UndoCommandTests.unprotectedAcme(in: scratch)
        let before = Fixtures.demoEstate
        // Slow enough that the kill lands between steps, one request at a time.
        let options = SimulatorOptions(latency: .milliseconds(100))
        try await withLiveSimulator(estate: before, options: options) { simulator in
            let apply = Process()
            apply.executableURL = try DeskformBinary.url()
            apply.arguments = ["apply", manifest, "--auto-approve", "--url", simulator.url, "--parallelism", "1"]
            apply.environment = UndoCommandTests.credentials.merging(["PATH": "/usr/bin:/bin"]) { first, _ in first }
            apply.currentDirectoryURL = scratch
            apply.standardOutput = FileHandle.nullDevice
            apply.standardError = FileHandle.nullDevice
            try apply.run()
            let directory = scratch.appendingPathComponent(".deskform/journal")
            var journal: String?
            // Kill it once three steps are answered: the fourth is then sent or about to be.
            for _ in 0..<600 where apply.isRunning {
                if let file = try? FileManager.default.contentsOfDirectory(atPath: directory.path).first {
                    journal = directory.appendingPathComponent(file).path
                    let text = (try? String(contentsOfFile: journal!, encoding: .utf8)) ?? ""
                    if text.components(separatedBy: #""outcome":"applied""#).count > 3 { break }
                }
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(apply.isRunning, "the apply finished before it could be killed")
            kill(apply.processIdentifier, SIGKILL)
            apply.waitUntilExit()
            #expect(apply.terminationReason == .uncaughtSignal && apply.terminationStatus == SIGKILL)
            // A request the kill cut off may still land once the simulator's latency has passed.
            try await Task.sleep(for: .milliseconds(300))

            let path = try #require(journal)
            let left = try JournalFile.read(from: path)
            let plan = try #require(left.before).plan
            let answered = left.steps.filter { $0.outcome == .applied }.count
            #expect(answered >= 3 && answered < plan.steps.count, "\(answered) of \(plan.steps.count) steps answered")
            let killed = await simulator.store.estate
            #expect(killed.managedState() != before.managedState())

            let (code, result) = try await UndoCommandTests.undo(path, scratch: scratch, url: simulator.url)
            #expect(code == 0, "\(result.errorOutput)")
            let after = await simulator.store.estate
            #expect(after.managedState() == before.managedState())
            // The proof: planning toward the recorded state now shows nothing left.
            #expect(try Undo(left).plan(live: after).isEmpty)
        }
    }
}

/// The `deskform` executable beside the test runner: `swift build` and `swift test` build every product there.
enum DeskformBinary {
    static func url() throws -> URL {
        let runner = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        let beside =
            [runner.deletingLastPathComponent()] + Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent() }
            + [Golden.root.appendingPathComponent(".build/debug")]
        for directory in beside {
            let candidate = directory.appendingPathComponent("deskform")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw Missing(searched: beside.map(\.path))
    }

    struct Missing: Error, CustomStringConvertible {
        var searched: [String]
        var description: String {
            "no deskform executable beside the tests (in \(searched.joined(separator: ", "))); build it first (swift build)"
        }
    }
}
