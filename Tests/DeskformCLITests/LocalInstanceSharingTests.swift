import DeskformCLI
import Foundation
import Simulator
import TestSupport
import Testing

/// The embedded local instance shared by commands run at the same time: they take turns on its state
/// file, and nothing is lost.
@Suite("the embedded local instance, shared")
struct LocalInstanceSharingTests {
    /// A manifest declaring `count` groups named `prefix-1`…
    static func groups(_ prefix: String, count: Int, in directory: URL) throws -> String {
        let folder = directory.appendingPathComponent(prefix)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let yaml = "groups:\n" + (1...count).map { "  - name: \(prefix)-\($0)\n" }.joined()
        try Data(yaml.utf8).write(to: folder.appendingPathComponent("groups.yaml"))
        return folder.path
    }

    static func apply(_ path: String, home: URL) async throws -> (code: Int32, recording: Console.Recording) {
        let settings = ApplyCommand.Settings(paths: [path], journalDirectory: home.appendingPathComponent("journal").path)
        let target = try TargetOptions.parse([])
        return await Console.run { console in
            await ApplyCommand.apply(
                settings, target: target, environment: ["DESKFORM_DIR": home.path], approval: .automatic, console: console)
        }
    }

    @Test("two applies at once over one state file: both groups of writes persist; one waited, and said so")
    func concurrentApplies() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("shared-\(UUID().uuidString)")
        let home = directory.appendingPathComponent(".deskform")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = try Self.groups("Alpha", count: 30, in: directory)
        let second = try Self.groups("Beta", count: 30, in: directory)

        async let one = Self.apply(first, home: home)
        async let two = Self.apply(second, home: home)
        let results = try await [one, two]
        for (code, recording) in results {
            #expect(code == 0, "\(recording.errorOutput)")
            #expect(
                recording.output.hasPrefix(
                    "deskform: no INVGATE_URL set; using the embedded local instance (state in \(home.path)/local-instance.json)\n"))
        }
        let waits = results.filter {
            $0.recording.errorOutput.contains(
                "deskform: another deskform command is using the embedded local instance (\(home.path)/local-instance.json); waiting up to 120 s for it to finish\n"
            )
        }
        #expect(waits.count == 1)

        let store = try SimulatorStore.open(SimulatorOptions(statePath: home.appendingPathComponent("local-instance.json").path))
        let names = Set(await store.estate.groups.values.map(\.name))
        #expect((1...30).allSatisfy { names.contains("Alpha-\($0)") && names.contains("Beta-\($0)") })
        #expect(String(decoding: try Data(contentsOf: home.appendingPathComponent(".gitignore")), as: UTF8.self).hasSuffix("\n*\n"))
    }

    @Test("a command that cannot get the local instance within the bound refuses, saying why and what to do")
    func boundedWait() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("shared-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let statePath = directory.appendingPathComponent("local-instance.json").path
        let target = Target.local(statePath: statePath)
        let waits = Console.recording()
        try await target.withClient(parallelism: 1, logger: Fixtures.quietLogger) { _, _ in
            let start = ContinuousClock.now
            let error = await #expect(throws: (any Error).self) {
                try await target.withClient(
                    parallelism: 1, localInstanceWait: .milliseconds(300), logger: Fixtures.quietLogger, onWait: { waits.0.err($0) }
                ) { _, _ in }
            }
            #expect(ContinuousClock.now - start < .seconds(30))
            #expect(
                error.map { "\($0)" }
                    == "another deskform command has been using the embedded local instance (\(statePath)) for over 300 ms; let it finish, then run this again"
            )
        }
        #expect(
            waits.1.errorOutput
                == "deskform: another deskform command is using the embedded local instance (\(statePath)); waiting up to 300 ms for it to finish\n"
        )
    }

    @Test("a local folder that cannot be created is one sentence with the system's reason and the ways around it")
    func folderCannotBeCreated() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("shared-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("plain-file")
        try Data("not a folder\n".utf8).write(to: file)
        let manifest = try Self.groups("Gamma", count: 1, in: directory)
        let home = file.appendingPathComponent("state")
        let (code, recording) = try await Self.apply(manifest, home: home)
        #expect(code == 1)
        #expect(recording.output == "")
        #expect(
            recording.errorOutput
                == "deskform: error: cannot create the embedded local instance's folder \(home.path) (not a directory); run from a writable folder, set DESKFORM_DIR, or set INVGATE_URL\n"
        )
    }

    @Test("a command waiting for the local instance stops waiting when it is cancelled")
    func cancelledWait() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("shared-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let statePath = directory.appendingPathComponent("local-instance.json").path
        let target = Target.local(statePath: statePath)
        try await target.withClient(parallelism: 1, logger: Fixtures.quietLogger) { _, _ in
            let waiting = Task {
                try await target.withClient(parallelism: 1, localInstanceWait: .seconds(60), logger: Fixtures.quietLogger) { _, _ in }
            }
            try await Task.sleep(for: .milliseconds(200))
            let start = ContinuousClock.now
            waiting.cancel()
            let error = await #expect(throws: (any Error).self) { try await waiting.value }
            #expect(
                error.map { "\($0)" }
                    == "interrupted while waiting for the embedded local instance (\(statePath)); nothing was changed")
            #expect(ContinuousClock.now - start < .seconds(30))
        }
    }
}
