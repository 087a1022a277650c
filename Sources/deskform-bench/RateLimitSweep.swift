import EstateModel
import Foundation
import InvGateAPI
import InvGateWire
import Logging
import Manifest
import Planner
import Reconciler
import Simulator

/// `--rate-limit N`: plan (unchanged estate) and an apply of 2,000 membership changes against a
/// simulator that answers 429 beyond N requests a second, at each fixed `--parallelism` of the sweep
/// and at `auto`; how long each took and what share of the answers were 429.
struct RateLimitSweep {
    let size: BenchmarkSize
    let latency: Int
    let rateLimit: Int
    let widths: [Int]
    let maxParallelism: Int
    let quiet = Logger(label: "deskform.bench", factory: { _ in SwiftLogNoOpLogHandler() })

    struct Result {
        var setting: String
        var planWall: Double
        var planCalls: Int
        var plan429: Int
        var applyWall: Double
        var applyCalls: Int
        var apply429: Int
        var reached: Int?
    }

    func run(estate: Estate, manifest: DeclaredEstate) async throws -> [Result] {
        var results: [Result] = []
        for width in widths.map(Optional.some) + [nil] {
            results.append(try await measure(width: width, estate: estate, manifest: manifest))
            let last = results[results.count - 1]
            FileHandle.standardError.write(Data("\(last.setting): plan \(last.planWall) s, apply \(last.applyWall) s\n".utf8))
        }
        return results
    }

    /// One setting: a fixed width, or `auto` (nil), on a fresh simulator.
    func measure(width: Int?, estate: Estate, manifest: DeclaredEstate) async throws -> Result {
        let store = SimulatorStore(estate: estate)
        var settings = SimulatorOptions(port: 0, latency: .milliseconds(latency))
        settings.rateLimit = rateLimit
        let options = settings
        let connections = width ?? maxParallelism
        return try await withRunningSimulator(options, store: store, logger: quiet) { port in
            try await withHTTPTransport(maxConnections: connections) { transport in
                let log = CallLog(transport)
                let limit = width == nil ? ConcurrencyLimit(start: 4, maximum: maxParallelism) : nil
                let client = InvGateClient(
                    instanceURL: "http://127.0.0.1:\(port)", credentials: .basic(username: options.username, token: options.token),
                    transport: log, logger: quiet, concurrency: limit)
                let (_, planWall) = try await Measurement.wall { try await plan(manifest, client, width: connections) }
                let (planCalls, plan429) = (log.total, log.rateLimited)
                log.reset()

                let groups = 200
                try await store.replace(with: Drift.membershipChanges(await store.estate, groups: groups))
                let changed = try await plan(manifest, client, width: connections)
                log.reset()
                let executor = PlanExecutor(client: client, parallelism: connections, logger: quiet)
                let (report, applyWall) = await Measurement.wall { await executor.execute(changed) }
                guard report.isComplete else {
                    throw BenchmarkFailure("apply at \(width.map(String.init) ?? "auto"): \(report.failed.count) steps failed")
                }
                let (applyCalls, apply429) = (log.total, log.rateLimited)
                return Result(
                    setting: width.map { "\($0)" } ?? "auto (max \(maxParallelism))", planWall: planWall, planCalls: planCalls,
                    plan429: plan429,
                    applyWall: applyWall, applyCalls: applyCalls, apply429: apply429, reached: await limit?.reached)
            }
        }
    }

    /// The plan as `deskform plan` makes it: read, resolve, plan.
    func plan(_ manifest: DeclaredEstate, _ client: InvGateClient, width: Int) async throws -> Plan {
        try await Reconciliation.prepare(manifest, client: client, parallelism: width, logger: quiet).plan
    }

    /// The table for BENCHMARKS.md.
    func markdown(_ results: [Result], command: String) -> String {
        let bestPlan = results.filter { !$0.setting.hasPrefix("auto") }.min { $0.planWall < $1.planWall }
        let bestApply = results.filter { !$0.setting.hasPrefix("auto") }.min { $0.applyWall < $1.applyWall }
        var lines = [
            "Size \(size.rawValue), \(latency) ms latency, simulator `--rate-limit \(rateLimit)`; machine: \(ProcessInfo.processInfo.activeProcessorCount) cores; "
                + "command: `deskform-bench \(command)`.",
            "",
            "| --parallelism | plan | plan calls | plan 429s | apply (2,000 membership changes) | apply calls | apply 429s | auto reached |",
            "|---|---:|---:|---:|---:|---:|---:|---:|",
        ]
        func share(_ part: Int, _ whole: Int) -> String {
            String(format: "%d (%.1f%%)", part, whole == 0 ? 0 : 100 * Double(part) / Double(whole))
        }
        for result in results {
            lines.append(
                "| \(result.setting) | \(String(format: "%.2f s", result.planWall)) | \(result.planCalls) | \(share(result.plan429, result.planCalls)) | "
                    + "\(String(format: "%.2f s", result.applyWall)) | \(result.applyCalls) | \(share(result.apply429, result.applyCalls)) | "
                    + (result.reached.map(String.init) ?? "") + " |")
        }
        if let auto = results.last, let bestPlan, let bestApply {
            lines += [
                "",
                String(
                    format: "auto vs the best fixed setting: plan %.2f× (best %@ at %.2f s), apply %.2f× (best %@ at %.2f s).",
                    auto.planWall / bestPlan.planWall, bestPlan.setting, bestPlan.planWall, auto.applyWall / bestApply.applyWall,
                    bestApply.setting,
                    bestApply.applyWall),
            ]
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
