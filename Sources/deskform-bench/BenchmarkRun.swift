import EstateModel
import Foundation
import InvGateAPI
import InvGateWire
import Logging
import Manifest
import Planner
import Reconciler
import Resolution
import Simulator

/// One measured row of the table.
struct Row {
    var scenario: String
    var latency: Int
    var wall: Double
    var calls: Int
    var byEndpoint: [String: Int]
    var plannerCPU: Double?
    var steps: Int?
    var note: String
}

/// The scenarios of one size at one latency, against an in-process simulator on loopback.
struct BenchmarkRun {
    let size: BenchmarkSize
    let latency: Int
    let parallelism: Int
    let quiet = Logger(label: "deskform.bench", factory: { _ in SwiftLogNoOpLogHandler() })

    struct Planned {
        var plan: Plan
        var cpu: Double
    }

    func run(estate: Estate, manifest: DeclaredEstate) async throws -> [Row] {
        let store = SimulatorStore(estate: estate)
        let options = SimulatorOptions(port: 0, latency: .milliseconds(latency))
        return try await withRunningSimulator(options, store: store, logger: quiet) { port in
            try await withHTTPTransport(maxConnections: parallelism) { transport in
                try await scenarios(estate: estate, manifest: manifest, store: store, transport: transport, port: port, options: options)
            }
        }
    }

    /// (a)–(d) and the membership changes, over one transport.
    func scenarios(
        estate: Estate, manifest: DeclaredEstate, store: SimulatorStore, transport: AsyncHTTPTransport, port: Int, options: SimulatorOptions
    ) async throws -> [Row] {
        let log = CallLog(transport)
        let url = "http://127.0.0.1:\(port)"
        let credentials = Credentials.basic(username: options.username, token: options.token)
        let client = InvGateClient(instanceURL: url, credentials: credentials, transport: log, logger: quiet)
        var rows: [Row] = []

        // (b) plan on the unchanged estate.
        let (unchanged, planWall) = try await Measurement.wall { try await plan(manifest, client) }
        guard unchanged.plan.isEmpty else { throw BenchmarkFailure("the unchanged estate plans \(unchanged.plan.steps.count) steps") }
        let planCalls = log.counts
        let urls = log.getURLs

        // (a) the lower bound: exactly those GETs, plainly, at the same parallelism.
        let authorization = "Basic " + Data("\(options.username):\(options.token)".utf8).base64EncodedString()
        let (_, fetchWall) = try await Measurement.wall { try await fetch(urls, transport: transport, authorization: authorization) }
        rows.append(
            Row(
                scenario: "(a) lower bound: the same GETs, plain", latency: latency, wall: fetchWall, calls: urls.count, byEndpoint: [:],
                note: ""))
        rows.append(
            Row(
                scenario: "(b) plan, unchanged estate", latency: latency, wall: planWall, calls: planCalls.values.reduce(0, +),
                byEndpoint: planCalls, plannerCPU: unchanged.cpu, steps: 0, note: String(format: "%.2f× (a)", planWall / fetchWall)))

        // (c) plan after 5% drift, (d) apply it.
        try await store.replace(with: Drift.fivePercent(estate))
        log.reset()
        let (drifted, driftWall) = try await Measurement.wall { try await plan(manifest, client) }
        rows.append(
            Row(
                scenario: "(c) plan after 5% drift", latency: latency, wall: driftWall, calls: log.total, byEndpoint: log.counts,
                plannerCPU: drifted.cpu, steps: drifted.plan.steps.count, note: "\(drifted.plan.changes.count) objects change"))
        rows.append(try await apply(drifted.plan, client: client, log: log, scenario: "(d) apply the drift"))
        try await expectConverged(manifest, client)

        // 10,000 membership changes over 1,000 groups (at L).
        let groups = 10 * size.scale
        try await store.replace(with: Drift.membershipChanges(await store.estate, groups: groups))
        let changed = try await plan(manifest, client)
        var row = try await apply(
            changed.plan, client: client, log: log, scenario: "apply \(groups * 10) membership changes over \(groups) groups")
        row.note += "; at most \(2 * groups) (one per group × direction)"
        rows.append(row)
        try await expectConverged(manifest, client)
        return rows
    }

    /// Reads the live estate for the manifests, then resolves, plans and renders on this thread,
    /// whose CPU time is the planner's own.
    func plan(_ manifest: DeclaredEstate, _ client: InvGateClient) async throws -> Planned {
        let scope = FetchScope(manifest: manifest)
        let live = try await LiveEstateReader(client: client, parallelism: parallelism, logger: quiet).read(scope.withSideEffects)
        let start = Measurement.threadCPU()
        let (desired, diagnostics, _) = ReferenceResolver.resolve(manifest, against: live)
        guard !diagnostics.containsErrors else { throw BenchmarkFailure("references: \(diagnostics.prefix(3))") }
        let plan = try Planner.plan(desired: desired, live: live, fetched: scope.kinds)
        _ = plan.text()
        return Planned(plan: plan, cpu: Measurement.threadCPU() - start)
    }

    func apply(_ plan: Plan, client: InvGateClient, log: CallLog, scenario: String) async throws -> Row {
        log.reset()
        let executor = PlanExecutor(client: client, parallelism: parallelism, logger: quiet)
        let (report, wall) = await Measurement.wall { await executor.execute(plan) }
        guard report.isComplete else { throw BenchmarkFailure("\(scenario): \(report.failed.count) steps failed") }
        let writes = log.counts.filter { !$0.key.hasPrefix("GET") }
        return Row(
            scenario: scenario, latency: latency, wall: wall, calls: log.total, byEndpoint: log.counts, steps: plan.steps.count,
            note: "\(writes.values.reduce(0, +)) writes for \(plan.steps.count) steps")
    }

    func expectConverged(_ manifest: DeclaredEstate, _ client: InvGateClient) async throws {
        let again = try await plan(manifest, client)
        guard again.plan.isEmpty else { throw BenchmarkFailure("after apply, a plan still has \(again.plan.steps.count) steps") }
    }

    /// GETs `urls` with at most `parallelism` in flight, reading each body and nothing more.
    func fetch(_ urls: [String], transport: AsyncHTTPTransport, authorization: String) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            var next = 0
            func start() {
                let request = WireRequest(
                    method: .get, url: urls[next], headers: [("Authorization", authorization), ("Accept", "application/json")])
                group.addTask { _ = try await transport.send(request) }
                next += 1
            }
            while next < min(parallelism, urls.count) { start() }
            while try await group.next() != nil {
                if next < urls.count { start() }
            }
        }
    }
}

struct BenchmarkFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
