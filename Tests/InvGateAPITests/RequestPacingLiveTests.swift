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

    /// `count` calls of `sd.version`, `width` at a time.
    static func versions(_ client: InvGateClient, count: Int, width: Int) async {
        await withTaskGroup(of: Void.self) { group in
            for worker in 0..<width {
                group.addTask {
                    for _ in stride(from: worker, to: count, by: width) { _ = try? await client.version() }
                }
            }
        }
    }

    @Test("at 2 requests a second, where one request at a time is already too fast, a paced client is refused only while it learns the rate")
    func learnsTheRate() async throws {
        var options = SimulatorOptions()
        options.rateLimit = 2
        try await withLiveSimulator(options: options) { simulator in
            // Unpaced, ten at once without retries: the bucket holds one, so most are refused.
            let unpaced = Refusals(simulator.transport)
            let plain = InvGateClient(
                instanceURL: simulator.url, credentials: simulator.credentials, transport: unpaced, retryPolicy: .never)
            await Self.versions(plain, count: 10, width: 10)
            #expect(unpaced.refused >= 5, "\(unpaced.refused) of 10 refused")

            // Paced, four at a time, 24 answers: it learns from its first refusals (and the pause that comes
            // with them), overshoots on its way up, and is cut back to what was accepted. The bucket holds one
            // request, so on a loaded machine (the whole suite in parallel) a request that wakes late and the
            // next one on time can be refused too: up to ten, against more than half of them unpaced.
            let counted = Refusals(simulator.transport)
            let pacing = RequestPacing()
            let client = InvGateClient(instanceURL: simulator.url, credentials: simulator.credentials, transport: counted, pacing: pacing)
            await Self.versions(client, count: 24, width: 4)
            #expect(counted.sent == 24 + counted.refused)
            #expect(counted.refused >= 1 && counted.refused <= 10, "\(counted.refused) of \(counted.sent) refused")
            #expect(pacing.refusals == counted.refused)
            // Near the limit: the accepted answers a loaded machine measures can put it at half the limit.
            let rate = try #require(pacing.rate)
            #expect(rate >= 0.5 && rate <= 3.5, "\(rate)")
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

    /// Answers the first request 429 with `Retry-After: 1` after 50 ms, every other one with a version;
    /// records when each was sent and when the refusal came back.
    final class RefusesFirst: HTTPTransport {
        private let times = Mutex((sent: [ContinuousClock.Instant](), refused: ContinuousClock.Instant?.none))

        var sent: [ContinuousClock.Instant] { times.withLock { $0.sent } }
        var refused: ContinuousClock.Instant? { times.withLock { $0.refused } }

        func send(_ request: WireRequest) async throws(TransportFailure) -> WireResponse {
            let first = times.withLock { times in
                times.sent.append(.now)
                return times.sent.count == 1
            }
            guard first else { return .json(200, #"{"version":"7.4"}"#) }
            try? await Task.sleep(for: .milliseconds(50))
            times.withLock { $0.refused = .now }
            return .json(429, "{}", headers: [("Retry-After", "1")])
        }
    }

    @Test("a request waiting for its place in flight when a Retry-After comes goes out only once the pause is over")
    func rateIsTheLastGate() async throws {
        let transport = RefusesFirst()
        let client = InvGateClient(
            instanceURL: "https://acme.example/", credentials: .basic(username: "api", token: "s3cret"), transport: transport,
            retryPolicy: .quick, concurrency: ConcurrencyLimit(start: 1, maximum: 1), pacing: RequestPacing())
        // One place: the second call waits for it while the first is on its way, then the first's 429 pauses both.
        async let first = client.version()
        try await Task.sleep(for: .milliseconds(10))
        async let second = client.version()
        #expect(try await [first, second] == ["7.4", "7.4"])
        let sent = transport.sent
        let refused = try #require(transport.refused)
        #expect(sent.count == 3)
        #expect(sent.dropFirst().allSatisfy { $0 >= refused + .seconds(1) }, "\(sent.map { $0 - refused })")
    }
}
