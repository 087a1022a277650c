import EstateModel
import InvGateAPI
import InvGateWire
import Simulator
import TestSupport
import Testing

@Suite("Client against the fault-injecting simulator")
struct ClientFaultTests {
    /// Waits of a few milliseconds, so that 429's `Retry-After: 1` does not slow the suite.
    static let quick = RetryPolicy(
        maxAttempts: 10, baseDelay: .milliseconds(1), maxDelay: .milliseconds(5), maxRetryAfter: .milliseconds(5))

    @Test("idempotent writes get through 503, 429 and dropped connections; creates are never repeated")
    func retriesAndUnknownOutcomes() async throws {
        let options = SimulatorOptions(faultRate: 0.5, faultSeed: 7)
        try await withLiveSimulator(options: options, retryPolicy: Self.quick) { simulator in
            let api = simulator.client
            var created = 0
            var unknown = 0
            for index in 1...24 {
                do {
                    _ = try await api.create(.createGroup(name: "Group \(index)"))
                    created += 1
                } catch let error as InvGateError where error.isOutcomeUnknown {
                    unknown += 1
                }
            }
            #expect(unknown > 0, "with half the writes failing, some creates must have an unknown outcome")
            let groups = try await api.groups()
            // Each name was sent once at most, so no group can exist twice.
            #expect(Set(groups.map(\.name)).count == groups.count)
            #expect(groups.count >= created && groups.count <= created + unknown)

            for group in groups {
                _ = try await api.relations(.addMembers(.group(group.id), users: [1, 2]))
                _ = try await api.relations(.addObservers(.group(group.id), users: [3]))
            }
            let estate = await simulator.store.estate
            #expect(estate.groups.values.allSatisfy { $0.members == [1, 2] && $0.observers == [3] })
        }
    }
}
