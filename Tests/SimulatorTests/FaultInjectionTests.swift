import EstateModel
import Foundation
import Hummingbird
import HummingbirdTesting
import InvGateAPI
import InvGateWire
import Simulator
import TestSupport
import Testing

@Suite struct FaultInjectionTests {
    @Test func everyFaultIsInjectedAndOnlyADroppedConnectionActs() async throws {
        let options = SimulatorOptions(faultRate: 1, faultSeed: 42)
        try await withRouter(options: options) { (client, store) async throws in
            var seen: Set<Fault> = []
            var acted: [String] = []
            for index in 0..<40 where seen.count < 3 {
                let name = "Team \(index)"
                do {
                    let answer = try await client.send(.post, "groups", form: "name=\(name.replacingOccurrences(of: " ", with: "+"))")
                    switch answer.status {
                    case 503:
                        seen.insert(.unavailable)
                        #expect(answer.json?["status"]?.string == "ERROR")
                        #expect(answer.json?["error"]?.string == "Service temporarily unavailable.")
                    case 429:
                        seen.insert(.rateLimited)
                        #expect(answer.headers[.retryAfter] == "1")
                        #expect(answer.json?["error"]?.string == "Too many requests; retry later.")
                    default:
                        Issue.record("unexpected answer \(answer.status) \(answer.body)")
                    }
                } catch {
                    // The body stopped halfway: the connection was dropped after acting.
                    seen.insert(.droppedConnection)
                    acted.append(name)
                }
            }
            #expect(seen == Set(Fault.allCases))
            let names = await store.estate.groups.values.map(\.name).sorted()
            #expect(names == (acted + ["IT"]).sorted())
            // Reads are never faulted.
            #expect(try await client.send(.get, "groups").status == 200)
        }
    }

    @Test func noFaultsAtRateZero() async throws {
        try await withRouter(options: SimulatorOptions(faultRate: 0)) { (client, _) async throws in
            for index in 0..<20 {
                #expect(try await client.send(.post, "groups", form: "name=G\(index)").status == 200)
            }
        }
    }

    @Test("--rate-limit: a token a request, refilled at N a second; none left is 429 with the seconds to wait")
    func rateLimitBucket() {
        let limit = RequestRateLimit(perSecond: 5)
        let start = ContinuousClock.now
        #expect(limit.take(at: start) == nil)
        #expect(limit.take(at: start) == 1)
        #expect(limit.take(at: start + .milliseconds(100)) == 1)
        #expect(limit.take(at: start + .milliseconds(250)) == nil)
        #expect(limit.take(at: start + .milliseconds(250)) == 1)
    }

    @Test("--rate-limit over HTTP: requests beyond it are answered 429 with Retry-After and an ERROR body")
    func rateLimit() async throws {
        var options = SimulatorOptions()
        options.rateLimit = 1
        try await withRouter(options: options) { (client, _) async throws in
            #expect(try await client.send(.get, "sd.version").status == 200)
            // One a second: of up to 50 requests sent back to back, one is refused however loaded the machine.
            var refused: (status: Int, retryAfter: String?, status2: String?)?
            for _ in 0..<50 where refused == nil {
                let answer = try await client.send(.get, "sd.version")
                if answer.status != 200 { refused = (answer.status, answer.headers[.retryAfter], answer.json?["status"]?.string) }
            }
            #expect(refused?.status == 429)
            #expect(refused?.retryAfter == "1")
            #expect(refused?.status2 == "ERROR")
        }
    }

    @Test("--outage: the first requests are answered 503 with Retry-After, as an injected fault is; then served")
    func outage() async throws {
        var options = SimulatorOptions()
        options.outage = Outage(requests: 2, retryAfter: 5)
        try await withRouter(options: options) { (client, _) async throws in
            for _ in 0..<2 {
                let refused = try await client.send(.get, "sd.version")
                #expect(refused.status == 503)
                #expect(refused.headers[.retryAfter] == "5")
                #expect(refused.json?["status"]?.string == "ERROR")
                #expect(refused.json?["error"]?.string == "Service temporarily unavailable.")
            }
            #expect(try await client.send(.get, "sd.version").status == 200)
        }
    }

    @Test("a forbidden endpoint answers 403; the others are served")
    func forbiddenEndpoint() async throws {
        var options = SimulatorOptions()
        options.forbidden = [.companies]
        try await withRouter(options: options) { (client, _) async throws in
            let refused = try await client.send(.get, "companies")
            #expect(refused.status == 403)
            #expect(refused.json?["error"]?.string == "The API user has no access to companies.")
            #expect(try await client.send(.get, "groups").status == 200)
        }
    }

    @Test func latencyDelaysEveryAnswer() async throws {
        try await withRouter(options: SimulatorOptions(latency: .milliseconds(150))) { (client, _) async throws in
            let clock = ContinuousClock()
            let start = clock.now
            #expect(try await client.send(.get, "sd.version").status == 200)
            #expect(try await client.send(.get, "sd.version", authorization: nil).status == 401)
            #expect(clock.now - start >= .milliseconds(300))
        }
    }

    @Test func aDroppedConnectionIsATransportFailureForTheClient() async throws {
        let options = SimulatorOptions(faultRate: 1, faults: [.droppedConnection], faultSeed: 1)
        try await withLiveSimulator(options: options, retryPolicy: .never) { (simulator) async throws in
            // A create: its outcome is unknown, and it did happen.
            do throws(InvGateError) {
                _ = try await simulator.client.create(.createGroup(name: "Dropped"))
                Issue.record("expected a transport failure")
            } catch {
                #expect(error.isOutcomeUnknown, "\(error)")
            }
            #expect(await simulator.store.estate.groups.values.map(\.name) == ["Dropped"])
            // A repeatable write with no retries left: unreachable.
            do throws(InvGateError) {
                _ = try await simulator.client.relations(.addMembers(.group(1), users: [1]))
                Issue.record("expected a transport failure")
            } catch {
                guard case .unreachable = error.reason else {
                    Issue.record("unexpected \(error)")
                    return
                }
            }
            #expect(await simulator.store.estate.groups[1]?.members == [1])
            // Reads still answer.
            #expect(try await simulator.client.groups().map(\.name) == ["Dropped"])
        }
    }
}
