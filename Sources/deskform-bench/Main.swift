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

    @Flag(help: "Write the table into BENCHMARKS.md.")
    var record = false

    func run() async throws {
        guard let size = BenchmarkSize(rawValue: size.uppercased()) else { throw ValidationError("--size is S, M or L") }
        let latencies = latency.isEmpty ? [0, 10] : latency
        let estate = BenchmarkEstate(size: size).make()
        let export = EstateExport(estate)
        var rows: [Row] = []
        for latency in latencies {
            rows += try await BenchmarkRun(size: size, latency: latency, parallelism: parallelism).run(estate: estate, manifest: export.manifest)
        }
        let report = Report(size: size, estate: estate, rows: rows, parallelism: parallelism, command: CommandLine.arguments.dropFirst().joined(separator: " "))
        print(report.markdown)
        if record { try report.record(in: "BENCHMARKS.md") }
    }
}
