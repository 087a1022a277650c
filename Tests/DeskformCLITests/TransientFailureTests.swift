import DeskformCLI
import Foundation
import Simulator
import Synchronization
import TestSupport
import Testing

/// What a person sees of transient failures and of Ctrl-C: a retry worth waiting for says so in one
/// line, `DESKFORM_LOG=info` logs every retry and why, and a real SIGINT to the built `deskform` ends a
/// read with "interrupted".
@Suite("first contact: retries and Ctrl-C")
struct TransientFailureTests {
    @Test("a 503 asking for 3 s (Retry-After): exactly one line on standard error, then the plan")
    func longWaitIsAnnounced() async throws {
        var options = SimulatorOptions()
        options.outage = Outage(requests: 1, retryAfter: 3)
        try await withLiveSimulator(options: options) { simulator in
            let (code, result, seconds) = try await FirstContactTests.plan(["--url", simulator.url])
            #expect(code == 0, "\(result.errorOutput)")
            #expect(result.output.contains("Plan: "))
            let retries = result.errorOutput.split(separator: "\n").filter { $0.contains("retrying") }
            #expect(retries == ["deskform: the instance answered 503; retrying in 3 s, attempt 2 of 10"])
            #expect(result.errorOutput.hasPrefix("deskform: the instance answered 503; retrying in 3 s, attempt 2 of 10\n"))
            // It waited as asked; how much longer the plan took depends on the machine, and is not this test's to say.
            #expect(seconds >= 3)
        }
    }

    @Test("DESKFORM_LOG=info logs each retry with its reason; short waits print no line of their own")
    func retriesAreLogged() async throws {
        var options = SimulatorOptions()
        options.outage = Outage(requests: 3)
        try await withLiveSimulator(options: options) { simulator in
            let environment = PlanCommandTests.credentials.merging(["DESKFORM_LOG": "info"]) { $1 }
            let (code, result, _) = try await FirstContactTests.plan(["--url", simulator.url], environment: environment)
            #expect(code == 0, "\(result.errorOutput)")
            let logged = result.errorOutput.split(separator: "\n").filter { $0.hasPrefix("deskform: info: retrying (") }
            #expect(logged.count == 3, "\(result.errorOutput)")
            for (index, line) in logged.enumerated() {
                #expect(line.contains("attempt=\(index + 2) endpoint=sd.version method=GET wait="), "\(line)")
                #expect(line.hasSuffix(" why=the instance answered 503)"), "\(line)")
            }
            // Waits of 0.1–0.8 s: logged, not announced.
            #expect(!result.errorOutput.contains("deskform: the instance answered"))
        }
    }

    @Test("Ctrl-C (a real SIGINT) while plan reads: 'interrupted', not 'could not be reached', exit 130")
    func interruptedBySignal() async throws {
        let binary = try DeskformBinary.url()
        var options = SimulatorOptions()
        options.latency = .milliseconds(700)
        try await withLiveSimulator(options: options) { simulator in
            let process = Process()
            process.executableURL = binary
            process.arguments = ["plan", Golden.path("examples/acme"), "--url", simulator.url]
            // debug: each request is logged as it is sent, so the test knows when reading has begun.
            process.environment = PlanCommandTests.credentials.merging(["DESKFORM_LOG": "debug"]) { $1 }
            process.currentDirectoryURL = FileManager.default.temporaryDirectory
            let (output, errors) = (Pipe(), Pipe())
            process.standardOutput = output
            process.standardError = errors
            let printed = Mutex("")
            errors.fileHandleForReading.readabilityHandler = { handle in
                let data = handle.availableData
                printed.withLock { $0 += String(decoding: data, as: UTF8.self) }
            }
            output.fileHandleForReading.readabilityHandler = { _ = $0.availableData }
            try process.run()
            defer {
                if process.isRunning { kill(process.processIdentifier, SIGKILL) }
                errors.fileHandleForReading.readabilityHandler = nil
                output.fileHandleForReading.readabilityHandler = nil
            }

            // Reading has begun when a request after the first GET sd.version is logged.
            let reading = ContinuousClock.now + .seconds(30)
            while printed.withLock({ $0.components(separatedBy: "deskform: debug: request (").count - 1 }) < 2, process.isRunning,
                ContinuousClock.now < reading
            {
                try await Task.sleep(for: .milliseconds(20))
            }
            try #require(process.isRunning, "deskform ended before it was interrupted: \(printed.withLock { $0 })")
            let interrupted = ContinuousClock.now
            kill(process.processIdentifier, SIGINT)
            while process.isRunning, ContinuousClock.now - interrupted < .seconds(10) {
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(!process.isRunning)
            #expect(process.terminationReason == .exit)
            #expect(process.terminationStatus == 130)
            // What is left in the pipe once the process is gone.
            errors.fileHandleForReading.readabilityHandler = nil
            let rest = errors.fileHandleForReading.readDataToEndOfFile()
            let stderr = printed.withLock { $0 + String(decoding: rest, as: UTF8.self) }
            // Said by the command as it stopped (a command ended by the 3 s fallback says nothing).
            #expect(
                stderr.contains(/deskform: error: interrupted while reading the instance \(GET [a-z.]+\); nothing was changed\n/),
                "\(stderr)")
            #expect(!stderr.contains("could not be reached"))
        }
    }
}
