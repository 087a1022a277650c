@testable import DeskformCLI
import EstateModel
import Foundation
@testable import InvGateAPI
import Manifest
import Reconciler
import Simulator
import TestSupport
import Testing

/// `Read the instance in N requests (…)`: what plan, apply and export say on standard error once they
/// have read the instance, so that a targeted plan visibly reads less.
@Suite("the read report")
struct ReadReportTests {
    /// The requests a reader makes for `scope`, counted by a transport of the test's own.
    static func requests(_ scope: FetchScope, on simulator: LiveSimulator) async throws -> Int {
        let counting = CountingTransport(simulator.transport)
        let client = InvGateClient(instanceURL: simulator.url, credentials: simulator.credentials, transport: counting)
        _ = try await LiveEstateReader(client: client, logger: Fixtures.quietLogger).read(scope)
        return await counting.log.requests.count
    }

    @Test(
        "plan: the reader's requests and the first GET sd.version, with the width reached (auto) or fixed",
        arguments: [
            (["--max-parallelism", "4"], "up to 4 at once, --parallelism auto, at most 4"),
            (["--parallelism", "3"], "at most 3 at once, --parallelism 3"),
        ])
    func plan(options: [String], width: String) async throws {
        let manifest = ManifestLoader().load(paths: [Golden.path("examples/acme")]).estate
        try await withLiveSimulator { simulator in
            let expected = try await Self.requests(FetchScope(manifest: manifest), on: simulator) + 1
            let (code, result, _) = try await FirstContactTests.plan(["--url", simulator.url] + options)
            #expect(code == 0, "\(result.errorOutput)")
            #expect(result.errorOutput == "Read the instance in \(expected) requests (\(width)).\n")
        }
    }

    @Test("the debug log's requests are as many as the report says, and it states no other count")
    func debugLogAgrees() async throws {
        try await withLiveSimulator { simulator in
            let environment = FirstContactTests.credentials.merging(["DESKFORM_LOG": "debug"]) { first, _ in first }
            let (code, result, _) = try await FirstContactTests.plan(["--url", simulator.url], environment: environment)
            #expect(code == 0, "\(result.errorOutput)")
            let lines = result.errorOutput.split(separator: "\n")
            let requests = lines.filter { $0.hasPrefix("deskform: debug: request (") }.count
            #expect(lines.contains { $0.hasPrefix("Read the instance in \(requests) requests (") }, "\(result.errorOutput)")
            #expect(lines.contains("deskform: debug: read the live estate"))
        }
    }

    @Test("the rate: with --max-rate the rate the read was held to; below a lower limit, with or without it, the rate it came down to and the refusals it took; nothing refused and no --max-rate, none")
    func rate() async throws {
        try await withLiveSimulator { simulator in
            let (code, result, _) = try await FirstContactTests.plan(["--url", simulator.url, "--parallelism", "3", "--max-rate", "50"])
            #expect(code == 0, "\(result.errorOutput)")
            #expect(result.errorOutput.hasSuffix("(at most 3 at once, --parallelism 3; at most 50 requests a second (--max-rate 50)).\n"))
            let (unlimited, plain, _) = try await FirstContactTests.plan(["--url", simulator.url, "--parallelism", "3"])
            #expect(unlimited == 0, "\(plain.errorOutput)")
            #expect(plain.errorOutput.hasSuffix(" requests (at most 3 at once, --parallelism 3).\n"), "\(plain.errorOutput)")
        }
        var options = SimulatorOptions()
        options.rateLimit = 4
        try await withLiveSimulator(options: options) { simulator in
            let (code, result, _) = try await FirstContactTests.plan(["--url", simulator.url, "--parallelism", "3", "--max-rate", "8"])
            #expect(code == 0, "\(result.errorOutput)")
            let report = try #require(result.errorOutput.split(separator: "\n").last.map(String.init))
            let match = try #require(
                report.wholeMatch(of: /Read the instance in (\d+) requests \(at most 3 at once, --parallelism 3; paced to ([\d.]+) requests? a second after (\d+) answers? of 429 or 503, --max-rate 8\)\./),
                "\(result.errorOutput)")
            let (requests, rate, refusals) = (Int(match.1)!, Double(match.2)!, Int(match.3)!)
            #expect(refusals >= 1 && refusals < requests, "\(report)")
            #expect(rate >= 1 && rate < 8, "\(report)")
            // Without --max-rate the rate is learned from the refusals alone, and the report names it.
            let (learnedCode, learned, _) = try await FirstContactTests.plan(["--url", simulator.url, "--parallelism", "3"])
            #expect(learnedCode == 0, "\(learned.errorOutput)")
            let line = try #require(learned.errorOutput.split(separator: "\n").last.map(String.init))
            let learnedMatch = try #require(
                line.wholeMatch(of: /Read the instance in (\d+) requests \(at most 3 at once, --parallelism 3; paced to ([\d.]+) requests? a second after (\d+) answers? of 429 or 503\)\./),
                "\(line)")
            let (learnedRequests, learnedRate, learnedRefusals) = (Int(learnedMatch.1)!, Double(learnedMatch.2)!, Int(learnedMatch.3)!)
            #expect(learnedRefusals >= 1 && learnedRefusals < learnedRequests / 2, "\(line)")
            #expect(learnedRate >= 1 && learnedRate <= 8, "\(line)")
        }
    }

    @Test("the rate's words: unlimited says nothing; --max-rate caps; a remembered rate says where it started, refused or not")
    func rateWords() {
        #expect(Pipeline.Connection.describe(RequestPacing()) == nil)
        #expect(Pipeline.Connection.describe(RequestPacing(maximum: 20)) == "at most 20 requests a second (--max-rate 20)")
        #expect(Pipeline.Connection.describe(RequestPacing(remembered: 17.5)) == "paced to 18 requests a second, from the 18 learned before")
        #expect(Pipeline.Connection.describe(RequestPacing(remembered: 1.5)) == "paced to 1.5 requests a second, from the 1.5 learned before")
        let refused = RequestPacing(maximum: 20, remembered: 4)
        refused.answered(sent: .now, refused: true, retryAfter: nil)
        #expect(
            Pipeline.Connection.describe(refused)
                == "paced to 3.8 requests a second after 1 answer of 429 or 503, from the 4 learned before, --max-rate 20")
    }

    @Test("export says it too")
    func export() async throws {
        let out = ExportCommandTests.scratch()
        defer { try? FileManager.default.removeItem(atPath: out) }
        try await withLiveSimulator { simulator in
            let expected = try await Self.requests(FetchScope(exporting: Set(ObjectKind.allCases)), on: simulator) + 1
            let target = try TargetOptions.parse(["--url", simulator.url, "--parallelism", "2"])
            let (code, recording) = await Console.run { console in
                await ExportCommand.export(out: out, target: target, environment: PlanCommandTests.credentials, console: console)
            }
            #expect(code == 0, "\(recording.errorOutput)")
            #expect(recording.errorOutput.hasPrefix("Read the instance in \(expected) requests (at most 2 at once, --parallelism 2).\n"))
        }
    }

    @Test("a plan targeted at one group reads with fewer requests than the same plan untargeted")
    func targetedReadsLess() async throws {
        let scratch = try TargetedPlanTests.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        try await withLiveSimulator { simulator in
            let (everyCode, every) = try await TargetedPlanTests.plan(scratch, url: simulator.url, targets: [])
            let (oneCode, one) = try await TargetedPlanTests.plan(scratch, url: simulator.url, targets: [#"group["Ops"]"#])
            #expect(everyCode == 2 && oneCode == 2, "\(every.errorOutput)\(one.errorOutput)")
            let untargeted = try #require(ProxyTests.readCount(every.errorOutput), "\(every.errorOutput)")
            let targeted = try #require(ProxyTests.readCount(one.errorOutput), "\(one.errorOutput)")
            #expect(targeted < untargeted)
        }
    }
}
