import InvGateAPI
import InvGateWire
import Simulator
import Synchronization
import TestSupport
import Testing

/// The learned rate against the simulator's `--rate-limit`, over a real loopback socket.
@Suite("RequestPacing against a rate-limited simulator")
struct RequestPacingLiveTests {
    /// Counts the requests sent and the answers of 429.
    final class Refusals: HTTPTransport {
        let inner: any HTTPTransport
        private let counts = Mutex((sent: 0, refused: 0))

        init(_ inner: any HTTPTransport) { self.inner = inner }

        var sent: Int { counts.withLock { $0.sent } }
        var refused: Int { counts.withLock { $0.refused } }

        func send(_ request: WireRequest) async throws(TransportFailure) -> WireResponse {
            counts.withLock { $0.sent += 1 }
            let response = try await inner.send(request)
            if response.status == 429 { counts.withLock { $0.refused += 1 } }
            return response
        }
    }

    @Test("at 2 requests a second, where one request at a time is already too fast, a paced client is refused only while it learns the rate")
    func learnsTheRate() async throws {
        var options = SimulatorOptions()
        options.rateLimit = 2
        try await withLiveSimulator(options: options) { simulator in
            // Unpaced, one request at a time, without retries: some of ten in a row are refused.
            let unpaced = Refusals(simulator.transport)
            let plain = InvGateClient(
                instanceURL: simulator.url, credentials: simulator.credentials, transport: unpaced, retryPolicy: .never)
            for _ in 0..<10 { _ = try? await plain.version() }
            #expect(unpaced.refused >= 1)

            // Paced: 24 answers in a row, one at a time. It learns from its first refusal (and the pause
            // that comes with it), overshoots on its way up, and is cut back to what was accepted.
            let counted = Refusals(simulator.transport)
            let pacing = RequestPacing()
            let client = InvGateClient(instanceURL: simulator.url, credentials: simulator.credentials, transport: counted, pacing: pacing)
            for _ in 0..<24 { #expect(try await client.version() == "7.5.0") }
            #expect(counted.sent == 24 + counted.refused)
            #expect(counted.refused >= 1 && counted.refused <= 5, "\(counted.refused) of \(counted.sent) refused")
            #expect(pacing.refusals == counted.refused)
            let rate = try #require(pacing.rate)
            #expect(rate >= 1 && rate <= 3.5, "\(rate)")
        }
    }

    @Test("--max-rate below the limit: nothing is refused")
    func maximumBelowTheLimit() async throws {
        var options = SimulatorOptions()
        options.rateLimit = 20
        try await withLiveSimulator(options: options) { simulator in
            let counted = Refusals(simulator.transport)
            // A second apart: the simulator would have to stall for two seconds to take three at once.
            let pacing = RequestPacing(maximum: 1)
            let client = InvGateClient(instanceURL: simulator.url, credentials: simulator.credentials, transport: counted, pacing: pacing)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<6 { group.addTask { _ = try await client.version() } }
                try await group.waitForAll()
            }
            #expect(counted.sent == 6)
            #expect(counted.refused == 0)
            #expect(pacing.rate == 1)
        }
    }
}
