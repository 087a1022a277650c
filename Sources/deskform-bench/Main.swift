import ArgumentParser
import Foundation
import Reconciler
import Simulator

/// `swift run -c release deskform-bench [--size S|M|L] [--latency MS] [--record]`: plan and apply at
/// scale against an in-process simulator, side by side with a plain fetch of the same requests.
@main
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deskform-bench", abstract: "Measure plan and apply at scale against the simulator on loopback.")

    @Option(help: "S, M or L (L: 1,000 companies, 2,000 groups, 20,000 users, 100,000 memberships).")
    var size = "M"

    @Option(help: "Simulated latency per request in milliseconds (default: both 0 and 10).")
    var latency: [Int] = []

    @Option(help: "Requests in flight at once.")
    var parallelism = 8

    @Option(
        help: "Instead: against a simulator that answers 429 beyond N requests a second, plan and apply at each --sweep width and at auto.")
    var rateLimit: Int?

    @Option(help: "The fixed --parallelism settings compared with auto under --rate-limit.")
    var sweep: [Int] = [1, 2, 4, 8, 16, 32, 64]

    @Option(help: "The cap of auto under --rate-limit.")
    var maxParallelism = 32

    @Flag(
        help: "Instead: plan and apply against simulators that answer 429 beyond 20, 50, 100 and 400 requests a second, at 5 and 20 ms latency.")
    var rateSweep = false

    @Option(help: "The limits of --rate-sweep, requests a second.")
    var limits: [Int] = [20, 50, 100, 400]

    @Flag(help: "Instead: the planner's CPU and peak memory per object on location- and tree-heavy estates of 2,000 to 20,000 objects.")
    var plannerScale = false

    @Option(help: .hidden)
    var plannerCell: String?

    @Flag(help: "Write the table into BENCHMARKS.md.")
    var record = false

    @Option(
        help: "Instead: write the --size estate as a state file for `deskform simulator --state FILE`, to time whole commands against it.")
    var writeState: String?

    func run() async throws {
        guard let size = BenchmarkSize(rawValue: size.uppercased()) else { throw ValidationError("--size is S, M or L") }
        if let plannerCell {
            let parts = plannerCell.split(separator: ":")
            guard parts.count == 2, let shape = PlannerScale.Shape(rawValue: String(parts[0])), let objects = Int(parts[1]) else {
                throw ValidationError("--planner-cell is SHAPE:OBJECTS")
            }
            print(try PlannerScale.measure(shape, objects: objects).line)
            return
        }
        let command = CommandLine.arguments.dropFirst().joined(separator: " ")
        if plannerScale {
            let text = PlannerScale.markdown(try PlannerScale.run(), command: command)
            print(text)
            if record {
                try Report.record(
                    text, between: "<!-- deskform-bench:planner-scale:start -->", and: "<!-- deskform-bench:planner-scale:end -->",
                    in: "BENCHMARKS.md")
            }
            return
        }
        let latencies = latency.isEmpty ? [0, 10] : latency
        let estate = BenchmarkEstate(size: size).make()
        if let writeState {
            try StateFile(path: writeState).save(estate)
            return
        }
        let export = EstateExport(estate)
        if rateSweep {
            let sweep = PacingSweep(size: size, limits: limits, latencies: latency.isEmpty ? [5, 20] : latency)
            let text = sweep.markdown(try await sweep.run(estate: estate, manifest: export.manifest), command: command)
            print(text)
            if record {
                try Report.record(
                    text, between: "<!-- deskform-bench:rate-sweep:start -->", and: "<!-- deskform-bench:rate-sweep:end -->",
                    in: "BENCHMARKS.md")
            }
            return
        }
        if let rateLimit {
            let sweep = RateLimitSweep(
                size: size, latency: latency.first ?? 10, rateLimit: rateLimit, widths: self.sweep, maxParallelism: maxParallelism)
            let text = sweep.markdown(
                try await sweep.run(estate: estate, manifest: export.manifest),
                command: CommandLine.arguments.dropFirst().joined(separator: " "))
            print(text)
            if record {
                try Report.record(
                    text, between: "<!-- deskform-bench:rate-limit:start -->", and: "<!-- deskform-bench:rate-limit:end -->",
                    in: "BENCHMARKS.md")
            }
            return
        }
        var rows: [Row] = []
        for latency in latencies {
            rows += try await BenchmarkRun(size: size, latency: latency, parallelism: parallelism).run(
                estate: estate, manifest: export.manifest)
        }
        let report = Report(
            size: size, estate: estate, rows: rows, parallelism: parallelism,
            command: CommandLine.arguments.dropFirst().joined(separator: " "))
        print(report.markdown)
        if record { try report.record(in: "BENCHMARKS.md") }
    }
}
