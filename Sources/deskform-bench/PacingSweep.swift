import EstateModel
import Foundation
import InvGateAPI
import Logging
import Manifest
import Planner
import Reconciler
import Resolution
import Simulator

/// `--rate-sweep`: `plan` (the unchanged estate), an apply of membership changes and `plan` again, each
/// as a fresh command with the CLI's defaults (`--parallelism auto`), against a simulator that answers 429
/// beyond 20, 50, 100 and 400 requests a second, at 5 and 20 ms latency: how long each took against the
/// least time the limit allows (the calls answered ÷ the limit) and what share of the requests were
/// answered 429. The first plan is the first contact (unlimited until refused); the apply and the second
/// plan start from the rate the command before learned, as the CLI does through `.deskform/rates.json`.
struct PacingSweep {
    let size: BenchmarkSize
    let limits: [Int]
    let latencies: [Int]
    let maxParallelism = 32
    let quiet = Logger(label: "deskform.bench", factory: { _ in SwiftLogNoOpLogHandler() })

    /// One command of one cell.
    struct Run {
        var wall: Double
        var requests: Int
        var refused: Int
        /// The rate the client's pacing reached, as the command reports it (empty: no pacing).
        var rate: String
        /// What the command learned of the rate, for the next one.
        var learned: Double?

        var answered: Int { requests - refused }
    }

    struct Cell {
        var limit: Int
        var latency: Int
        var plan: Run
        var apply: Run
        var again: Run
    }

    /// Groups whose memberships change in the apply: two calls each.
    var groups: Int { 10 * size.scale }

    func run(estate: Estate, manifest: DeclaredEstate) async throws -> [Cell] {
        var cells: [Cell] = []
        for latency in latencies {
            for limit in limits {
                let cell = try await measure(limit: limit, latency: latency, estate: estate, manifest: manifest)
                cells.append(cell)
                FileHandle.standardError.write(
                    Data(
                        "limit \(limit), \(latency) ms: plan \(cell.plan.wall) s (\(cell.plan.refused)/\(cell.plan.requests) refused), apply \(cell.apply.wall) s (\(cell.apply.refused)/\(cell.apply.requests) refused), plan again \(cell.again.wall) s (\(cell.again.refused)/\(cell.again.requests) refused)\n"
                            .utf8))
            }
        }
        return cells
    }

    /// One cell, on a fresh simulator; plan, apply and plan again each with a client of its own, as three commands would.
    func measure(limit: Int, latency: Int, estate: Estate, manifest: DeclaredEstate) async throws -> Cell {
        let store = SimulatorStore(estate: estate)
        var settings = SimulatorOptions(port: 0, latency: .milliseconds(latency))
        settings.rateLimit = limit
        let options = settings
        return try await withRunningSimulator(options, store: store, logger: quiet) { port in
            let credentials = Credentials.basic(username: options.username, token: options.token)
            let url = "http://127.0.0.1:\(port)"
            let plan = try await command(url, credentials) { client in
                _ = try await Reconciliation.prepare(manifest, client: client, parallelism: maxParallelism, logger: quiet).plan
            }
            try await store.replace(with: Drift.membershipChanges(await store.estate, groups: groups))
            // The plan to apply is made from the simulator's state directly: no request is spent on it.
            let live = await store.estate
            let (desired, _, _) = ReferenceResolver.resolve(manifest, against: live)
            let changes = try Planner.plan(desired: desired, live: live, fetched: FetchScope(manifest: manifest).kinds)
            let apply = try await command(url, credentials, remembered: plan.learned) { client in
                let report = await PlanExecutor(client: client, parallelism: maxParallelism, logger: quiet).execute(changes)
                guard report.isComplete else { throw BenchmarkFailure("apply at \(limit)/s: \(report.failed.count) steps failed") }
            }
            let again = try await command(url, credentials, remembered: apply.learned ?? plan.learned) { client in
                let again = try await Reconciliation.prepare(manifest, client: client, parallelism: maxParallelism, logger: quiet).plan
                guard again.isEmpty else { throw BenchmarkFailure("plan after the apply at \(limit)/s: \(again.steps.count) steps") }
            }
            return Cell(limit: limit, latency: latency, plan: plan, apply: apply, again: again)
        }
    }

    /// `body` with a client as a command makes it, starting from the `remembered` rate, timed, its requests and 429s counted.
    func command(
        _ url: String, _ credentials: Credentials, remembered: Double? = nil, _ body: (InvGateClient) async throws -> Void
    ) async throws -> Run {
        try await withHTTPTransport(maxConnections: maxParallelism) { transport in
            let log = CallLog(transport)
            let pacing = RequestPacing(remembered: remembered)
            let client = InvGateClient(
                instanceURL: url, credentials: credentials, transport: log, logger: quiet,
                concurrency: ConcurrencyLimit(start: 4, maximum: maxParallelism), pacing: pacing)
            let (_, wall) = try await Measurement.wall { try await body(client) }
            let rate = pacing.rate.map { String(format: "%.0f/s", $0) } ?? "unlimited"
            return Run(wall: wall, requests: log.total, refused: log.rateLimited, rate: rate, learned: pacing.learned)
        }
    }

    /// The table for BENCHMARKS.md.
    func markdown(_ cells: [Cell], command: String) -> String {
        var lines = [
            "Size \(size.rawValue) (plan: the unchanged estate, first contact; apply: membership changes over \(groups) groups, two calls each; "
                + "plan again; the apply and the second plan start from the rate the command before learned); "
                + "`--parallelism auto` (at most \(maxParallelism)); machine: \(ProcessInfo.processInfo.activeProcessorCount) cores; "
                + "command: `deskform-bench \(command)`. \"× limit\" is the time taken ÷ (calls answered ÷ the limit).",
            "",
            "| limit | latency | plan | calls | 429s | × limit | rate reached | apply | calls | 429s | × limit | rate reached | plan again | calls | 429s | × limit | rate reached |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        func columns(_ run: Run, _ limit: Int) -> String {
            let share = run.requests == 0 ? 0 : 100 * Double(run.refused) / Double(run.requests)
            let ratio = run.wall / (Double(run.answered) / Double(limit))
            return String(format: "%.2f s | %d | %d (%.1f%%) | %.2f× | ", run.wall, run.requests, run.refused, share, ratio) + run.rate
        }
        for cell in cells {
            lines.append(
                "| \(cell.limit)/s | \(cell.latency) ms | \(columns(cell.plan, cell.limit)) | \(columns(cell.apply, cell.limit)) | \(columns(cell.again, cell.limit)) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
