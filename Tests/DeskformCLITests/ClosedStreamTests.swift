import DeskformCLI
import EstateModel
import Foundation
import Simulator
import TestSupport
import Testing

/// The built `deskform` with a reader that goes away (`| head`, a pager quit) or a stream closed at
/// start (`2>&-`): output is never a failure point. A command that only reads stops quietly (exit 141);
/// an apply carries on to the end as if nobody were reading.
@Suite("closed standard output and error")
struct ClosedStreamTests {
    /// 300 new groups: an apply of 300 steps.
    static let groups = 300
    static let manifest = "groups:\n" + (1...groups).map { "  - name: Team \($0)\n" }.joined()

    @Test("apply whose stdout and stderr readers leave after one line finishes all 300 steps, exit 0, and the next plan is empty")
    func applyCarriesOn() async throws {
        let scratch = try UndoCommandTests.scratch(manifest: Self.manifest)
        defer { try? FileManager.default.removeItem(at: scratch) }
        try await withLiveSimulator(options: SimulatorOptions(latency: .milliseconds(2))) { simulator in
            let run = try Self.start(["apply", "estate.yaml", "--auto-approve", "--url", simulator.url], in: scratch)
            // Read the first line of each, then leave, as `| head -1` does.
            #expect(await Self.firstLine(run.out)?.hasPrefix("deskform: target") == true)
            try run.out.close()
            _ = await Self.firstLine(run.err)
            try run.err.close()
            await Self.blocking { run.process.waitUntilExit() }
            #expect(run.process.terminationReason == .exit && run.process.terminationStatus == 0)

            let names = await simulator.store.estate.groups.values.map(\.name)
            #expect(Set(names).isSuperset(of: (1...Self.groups).map { "Team \($0)" }))
            let journal = try FileManager.default.contentsOfDirectory(atPath: scratch.appendingPathComponent(".deskform/journal").path)
            #expect(journal.count == 1)

            let again = try await Self.run(["plan", "estate.yaml", "--url", simulator.url], in: scratch)
            #expect(again.status == 0)
            #expect(again.output.contains("No changes. The instance matches the manifests."))
        }
    }

    @Test("plan | head -1: the first line, exit 141, no crash")
    func planStopsQuietly() async throws {
        let scratch = try UndoCommandTests.scratch(manifest: Self.manifest)
        defer { try? FileManager.default.removeItem(at: scratch) }
        try await withLiveSimulator(options: SimulatorOptions(latency: .milliseconds(20))) { simulator in
            let run = try Self.start(["plan", "estate.yaml", "--url", simulator.url], in: scratch)
            #expect(await Self.firstLine(run.out)?.hasPrefix("deskform: target \(simulator.url)") == true)
            try run.out.close()
            let errors = await Self.blocking { String(decoding: run.err.readDataToEndOfFile(), as: UTF8.self) }
            await Self.blocking { run.process.waitUntilExit() }
            #expect(run.process.terminationReason == .exit && run.process.terminationStatus == 141)
            #expect(!errors.contains("Fatal error"), "\(errors)")
        }
    }

    @Test("standard error closed at start (2>&-): plan and apply work, their exit codes as usual")
    func closedStandardError() async throws {
        let scratch = try UndoCommandTests.scratch(manifest: Self.manifest)
        defer { try? FileManager.default.removeItem(at: scratch) }
        try await withLiveSimulator { simulator in
            let binary = try DeskformBinary.url().path
            let plan = try await Self.run(
                ["-c", "'\(binary)' plan estate.yaml --format json --detailed-exitcode --url \(simulator.url) 2>&-"], in: scratch,
                executable: "/bin/sh")
            #expect(plan.status == 2)
            #expect(plan.output.contains(#""format_version""#))
            let apply = try await Self.run(
                ["-c", "'\(binary)' apply estate.yaml --auto-approve --url \(simulator.url) 2>&-"], in: scratch, executable: "/bin/sh")
            #expect(apply.status == 0)
            #expect(apply.output.contains("Apply complete: 300 applied, 0 failed, 0 skipped."))
        }
    }

    @Test("every command piped to head -1 ends with its own code or 141, never a crash")
    func everyCommandThroughHead() async throws {
        let scratch = try UndoCommandTests.scratch(manifest: Self.manifest)
        defer { try? FileManager.default.removeItem(at: scratch) }
        try await withLiveSimulator { simulator in
            let binary = try DeskformBinary.url().path
            let url = "--url \(simulator.url)"
            let commands = [
                "validate estate.yaml", "plan estate.yaml \(url)", "plan estate.yaml --format markdown \(url)", "schema",
                "doctor \(url)", "export --out exported \(url)", "show missing.plan", "plan --help",
            ]
            for command in commands {
                let result = try await Self.run(
                    ["-c", "'\(binary)' \(command) 2>&1 | head -1 >/dev/null; echo \"${PIPESTATUS[0]}\""], in: scratch,
                    executable: "/bin/bash")
                let status = Int(result.output.trimmingCharacters(in: .whitespacesAndNewlines))
                #expect([0, 1, 141].contains(status), "\(command): exit \(result.output)")
            }
        }
    }

    // MARK: - Running the binary

    struct Started {
        let process: Process
        let out: FileHandle
        let err: FileHandle
    }

    static func start(_ arguments: [String], in directory: URL, executable: String? = nil) throws -> Started {
        let process = Process()
        process.executableURL = try executable.map { URL(fileURLWithPath: $0) } ?? DeskformBinary.url()
        process.arguments = arguments
        process.environment = UndoCommandTests.credentials.merging(["PATH": "/usr/bin:/bin"]) { first, _ in first }
        process.currentDirectoryURL = directory
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Only the child writes: the reader going away is then the only thing between it and EPIPE.
        try out.fileHandleForWriting.close()
        try err.fileHandleForWriting.close()
        return Started(process: process, out: out.fileHandleForReading, err: err.fileHandleForReading)
    }

    static func run(_ arguments: [String], in directory: URL, executable: String? = nil) async throws -> (status: Int32, output: String) {
        let started = try start(arguments, in: directory, executable: executable)
        // Standard error is drained alongside, so that a full pipe never blocks the child.
        async let errors = blocking { started.err.readDataToEndOfFile() }
        let output = await blocking { String(decoding: started.out.readDataToEndOfFile(), as: UTF8.self) }
        await blocking { started.process.waitUntilExit() }
        _ = await errors
        return (started.process.terminationStatus, output)
    }

    /// Runs `work`, which blocks (reading a pipe, waiting for a process), on a thread of its own: on the
    /// tasks' few threads it would starve the simulator that the child is talking to.
    static func blocking<Value: Sendable>(_ work: @escaping @Sendable () -> Value) async -> Value {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: work()) }
        }
    }

    /// Reads one line, byte by byte, so that nothing after it is taken from the pipe.
    static func firstLine(_ handle: FileHandle) async -> String? {
        await blocking { line(handle) }
    }

    private static func line(_ handle: FileHandle) -> String? {
        var bytes: [UInt8] = []
        while let byte = try? handle.read(upToCount: 1), let first = byte.first {
            if first == UInt8(ascii: "\n") { return String(decoding: bytes, as: UTF8.self) }
            bytes.append(first)
        }
        return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
    }
}
