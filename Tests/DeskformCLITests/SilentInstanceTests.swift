import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// An instance that accepts connections and never answers (a hung server, a firewall that swallows the
/// request): the built `deskform` says what it is waiting for instead of minutes of silence, in words.
@Suite("an instance that never answers")
struct SilentInstanceTests {
    @Test("plan says within seconds what it waits for, words its timeouts without internal names, and Ctrl-C ends it with 130")
    func waitingIsSaid() async throws {
        let listener = try SilentListener()
        defer { listener.close() }
        let scratch = try UndoCommandTests.scratch(manifest: "groups:\n  - name: Team\n")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let log = scratch.appendingPathComponent("stderr.txt")
        #expect(FileManager.default.createFile(atPath: log.path, contents: nil))

        let plan = Process()
        plan.executableURL = try DeskformBinary.url()
        plan.arguments = ["plan", "estate.yaml", "--url", "http://127.0.0.1:\(listener.port)", "--timeout", "1"]
        plan.environment = UndoCommandTests.credentials.merging(["PATH": "/usr/bin:/bin", "DESKFORM_LOG": "info"]) { first, _ in first }
        plan.currentDirectoryURL = scratch
        plan.standardOutput = FileHandle.nullDevice
        plan.standardError = try FileHandle(forWritingTo: log)
        try plan.run()

        let waiting =
            "deskform: waiting for http://127.0.0.1:\(listener.port) to answer GET sd.version: nothing yet after 5 s; "
            + "a request waits up to 1 s (--timeout) and is retried for up to 120 s in all. Ctrl-C stops.\n"
        var said = false
        // The line is due after 5 s; the bound here is generous for a loaded machine.
        for _ in 0..<300 where plan.isRunning && !said {
            said = ((try? String(contentsOf: log, encoding: .utf8)) ?? "").contains(waiting)
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(said, "\((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
        kill(plan.processIdentifier, SIGINT)
        await ClosedStreamTests.blocking { plan.waitUntilExit() }
        #expect(plan.terminationStatus == 130)
        let errors = try String(contentsOf: log, encoding: .utf8)
        #expect(errors.contains("no answer within the 1 s of --timeout"), "\(errors)")
        #expect(!errors.contains("HTTPClientError"), "\(errors)")
        #expect(!errors.contains("deadlineExceeded"), "\(errors)")
    }
}

/// A TCP port that accepts connections (the kernel's backlog completes the handshake) and never reads
/// nor answers.
struct SilentListener {
    let descriptor: Int32
    let port: Int

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(descriptor, 64) == 0 else { throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        self.descriptor = descriptor
        self.port = Int(UInt16(bigEndian: address.sin_port))
    }

    func close() {
        _ = Glibc.close(descriptor)
    }
}
