import EstateModel
import Foundation
import InvGateAPI
import Logging
import Planner
import Reconciler
import Synchronization
import TestSupport

enum Harness {
    static let logger = Fixtures.quietLogger
    /// Retries that never wait for long: the simulator's `Retry-After: 1` is capped at 20 ms.
    static let quickRetry = RetryPolicy(
        maxAttempts: 8, baseDelay: .milliseconds(2), maxDelay: .milliseconds(20), maxRetryAfter: .milliseconds(20))

    /// A client over `sim`'s transport that counts its requests.
    static func countingClient(_ sim: LiveSimulator, retryPolicy: RetryPolicy = quickRetry) -> (InvGateClient, RequestLog) {
        let transport = CountingTransport(sim.transport)
        let client = InvGateClient(
            instanceURL: sim.url, credentials: sim.credentials, transport: transport, retryPolicy: retryPolicy, logger: logger)
        return (client, transport.log)
    }

    static func read(_ client: InvGateClient) async throws -> Estate {
        try await LiveEstateReader(client: client, logger: logger).read(.everything)
    }

    /// Reads the live estate and plans `desired` over it.
    static func plan(_ desired: DesiredState, _ client: InvGateClient) async throws -> Plan {
        try Planner.plan(desired: desired, live: try await read(client), fetched: Set(ObjectKind.allCases))
    }

    static func executor(_ client: InvGateClient, parallelism: Int = 8, journal: Journal? = nil) -> PlanExecutor {
        PlanExecutor(client: client, parallelism: parallelism, journal: journal, logger: logger)
    }

    /// Names that occur more than once per kind (the same name under different parents is fine for
    /// trees), and tree option keys used twice: what a create carried out twice leaves behind.
    static func duplicates(in estate: Estate) -> [String] {
        func repeated(_ kind: String, _ names: [String]) -> [String] {
            Dictionary(grouping: names, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted().map { "\(kind) \($0)" }
        }
        var found = repeated("company", estate.companies.values.map { $0.externalID.map { "#\($0)" } ?? $0.name })
        found += repeated("group", estate.groups.values.map(\.name))
        found += repeated("location", estate.locations.keys.map { estate.locationPath(of: $0).joined(separator: "/") })
        found += repeated("kb category", estate.kbCategories.keys.map { estate.kbCategoryPath(of: $0).joined(separator: "/") })
        for field in estate.customFields.values {
            found += repeated("option key of field \(field.uid)", field.treeOptions.map(\.key))
            found += repeated("option of field \(field.uid)", field.treeOptions.map { "\($0.parentHash ?? "")/\($0.name)" })
        }
        return found
    }

    /// A fresh temporary directory, removed by the caller.
    static func temporaryDirectory() -> String {
        let path = NSTemporaryDirectory() + "deskform-journal-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}

/// Progress events as they come, from any thread.
final class Seen: Sendable {
    private let list = Mutex<[(step: Int, finished: Int, total: Int)]>([])

    func add(_ step: Int, _ finished: Int, _ total: Int) {
        list.withLock { $0.append((step, finished, total)) }
    }

    var events: [(step: Int, finished: Int, total: Int)] { list.withLock { $0 } }
}
