import ArgumentParser
import Foundation
import Reconciler

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

    @Flag(help: "Write the table into BENCHMARKS.md.")
    var record = false

    func run() async throws {
        guard let size = BenchmarkSize(rawValue: size.uppercased()) else { throw ValidationError("--size is S, M or L") }
        let latencies = latency.isEmpty ? [0, 10] : latency
        let estate = BenchmarkEstate(size: size).make()
        let export = EstateExport(estate)
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
