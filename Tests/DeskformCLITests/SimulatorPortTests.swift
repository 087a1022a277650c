import Foundation
import Testing

/// `deskform simulator --port N` where something already listens on N.
@Suite("the simulator on a taken port")
struct SimulatorPortTests {
    @Test("says in words that the port is taken and how to choose another, exit 1")
    func takenPort() async throws {
        let listener = try SilentListener()
        defer { listener.close() }
        let scratch = try UndoCommandTests.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let started = try ClosedStreamTests.start(["simulator", "--port", "\(listener.port)"], in: scratch)
        async let output = ClosedStreamTests.blocking { started.out.readDataToEndOfFile() }
        let errors = await ClosedStreamTests.blocking { String(decoding: started.err.readDataToEndOfFile(), as: UTF8.self) }
        await ClosedStreamTests.blocking { started.process.waitUntilExit() }
        #expect(await output.isEmpty)
        #expect(started.process.terminationStatus == 1)
        #expect(
            errors
                == "deskform: error: port \(listener.port) on 127.0.0.1 is already in use (another simulator or program listens there); choose another with --port N, or --port 0 for any free port\n"
        )
    }
}
