import ArgumentParser
import DeskformCLI
import EstateModel
import Foundation
import InvGateAPI
import Manifest
import Planner
import Reconciler
import Simulator
import TestSupport
import Testing

/// `deskform export` through the CLI functions against a live simulator: what it writes plans no change.
@Suite("deskform export")
struct ExportCommandTests {
    static let credentials = ["INVGATE_USERNAME": "api", "INVGATE_TOKEN": "deskform"]

    /// A fresh directory path (not created) under the temporary directory.
    static func scratch() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString)").path
    }

    static func export(
        _ url: String, to out: String, kinds: [ObjectKind] = ObjectKind.allCases, split: Bool = false, force: Bool = false,
        now: Date = Date(timeIntervalSince1970: 1_750_000_000)
    ) async throws -> (code: Int32, recording: Console.Recording) {
        let target = try TargetOptions.parse(["--url", url])
        return await Console.run { console in
            await ExportCommand.export(
                out: out, kinds: kinds, split: split, force: force, target: target, environment: credentials, now: now, console: console)
        }
    }

    static func plan(_ directory: String, url: String) async throws -> (code: Int32, recording: Console.Recording) {
        try await PlanCommandTests.plan([directory], url: url, detailed: true)
    }

    /// Exports from `simulator`, checks the files validate without a warning, plans them against the
    /// same instance and expects no change.
    static func roundTrip(
        _ simulator: LiveSimulator, split: Bool = false, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) async throws {
        let out = scratch()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let (exportCode, exported) = try await export(simulator.url, to: out, split: split)
        #expect(exportCode == 0, "\(exported.errorOutput)", sourceLocation: sourceLocation)
        let (validationCode, validation) = await Console.run { ValidateCommand.validate(paths: [out], format: .text, console: $0) }
        #expect(validationCode == 0 && validation.errorOutput.isEmpty, "\(validation.errorOutput)", sourceLocation: sourceLocation)
        let (planCode, planned) = try await plan(out, url: simulator.url)
        #expect(planCode == 0, "\(planned.output)\(planned.errorOutput)", sourceLocation: sourceLocation)
    }

    /// The estate after applying `example`'s plan to the demo seed.
    static func applied(_ example: String) async throws -> Estate {
        let manifest = ManifestLoader().load(paths: [Golden.path("examples/\(example)")]).estate
        return try await withLiveSimulator { simulator in
            let reconciliation = try await Reconciliation.prepare(
                manifest, client: simulator.client, parallelism: 4, logger: Fixtures.quietLogger)
            return try Planner.replay(reconciliation.plan, on: await simulator.store.estate)
        }
    }

    @Test("the demo seed exports to manifests that validate cleanly and plan no change", arguments: SimulatorDialect.allCases)
    func demoSeedRoundTrips(dialect: SimulatorDialect) async throws {
        try await withLiveSimulator(dialect: dialect) { simulator in try await Self.roundTrip(simulator) }
    }

    @Test(
        "every example, once applied, exports to manifests that plan no change (one file and split)",
        arguments: ["acme", "msp"], SimulatorDialect.allCases)
    func examplesRoundTrip(example: String, dialect: SimulatorDialect) async throws {
        try await withLiveSimulator(estate: try await Self.applied(example), dialect: dialect) { simulator in
            try await Self.roundTrip(simulator)
            try await Self.roundTrip(simulator, split: true)
        }
    }

    @Test("--split writes a folder per company and a file per kind, with the schema next to them")
    func splitLayout() async throws {
        let out = Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: out) }
        try await withLiveSimulator(estate: try await Self.applied("msp")) { simulator in
            let (code, result) = try await Self.export(simulator.url, to: out, split: true)
            #expect(code == 0, "\(result.errorOutput)")
        }
        let files = FileManager.default.enumerator(atPath: out)!.compactMap { $0 as? String }
            .filter { !(try! URL(fileURLWithPath: out).appendingPathComponent($0).resourceValues(forKeys: [.isDirectoryKey]).isDirectory!) }
            .sorted()
        #expect(
            files == [
                "companies/contoso/company.yaml", "companies/globex/company.yaml", "companies/northwind-traders/company.yaml",
                "custom_fields.yaml", "groups.yaml", "helpdesks.yaml", "kb_categories.yaml", "locations.yaml", "manifest.schema.json",
                "users.yaml",
            ])
        let company = try String(contentsOfFile: out + "/companies/globex/company.yaml", encoding: .utf8)
        #expect(
            company.hasPrefix("# yaml-language-server: $schema=../../manifest.schema.json\n# Exported by deskform from http://127.0.0.1:"))
        #expect(company.contains(" at 2025-06-15T15:06:40Z\n"))
    }

    @Test("exporting into a non-empty directory refuses; --force replaces an earlier export's manifests and keeps other files")
    func nonEmptyDirectory() async throws {
        let out = Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: out) }
        try FileManager.default.createDirectory(atPath: out + "/companies/gone", withIntermediateDirectories: true)
        try Data("notes\n".utf8).write(to: URL(fileURLWithPath: out + "/notes.txt"))
        try Data(
            "# yaml-language-server: $schema=../../manifest.schema.json\n# Exported by deskform from http://x at 2020-01-01T00:00:00Z\ncompanies:\n- name: Gone\n"
                .utf8
        ).write(to: URL(fileURLWithPath: out + "/companies/gone/company.yaml"))
        try await withLiveSimulator(estate: try await Self.applied("acme")) { simulator in
            let (refusedCode, refused) = try await Self.export(simulator.url, to: out, split: true)
            #expect(refusedCode == 1)
            #expect(refused.output.isEmpty)
            #expect(refused.errorOutput.hasPrefix("deskform: error: \(out) is not empty"))
            #expect(refused.errorOutput.contains("--force"))

            let (forcedCode, forced) = try await Self.export(simulator.url, to: out, split: true, force: true)
            #expect(forcedCode == 0, "\(forced.errorOutput)")
            #expect(forced.output.contains("removed companies/gone/company.yaml"))
            #expect(!FileManager.default.fileExists(atPath: out + "/companies/gone"))
            #expect(FileManager.default.fileExists(atPath: out + "/notes.txt"))
            #expect(FileManager.default.fileExists(atPath: out + "/companies/acme-corp/company.yaml"))
            #expect(try await Self.plan(out, url: simulator.url).code == 0)
        }
    }

    @Test("--kinds is a comma-separated list of kinds, each once; an unknown kind is a usage error with a hint")
    func kindsArgument() throws {
        let command = try #require(try Deskform.parseAsRoot(["export", "--kinds", "groups, kb_categories,groups"]) as? ExportCommand)
        #expect(command.kinds == [.groups, .kbCategories])
        let defaults = try #require(try Deskform.parseAsRoot(["export"]) as? ExportCommand)
        #expect(defaults.kinds == ObjectKind.allCases)
        let kinds = "companies, groups, locations, helpdesks, kb_categories, custom_fields, users"
        let refusals = [
            (
                "groups,compnies",
                "The value 'groups,compnies' is invalid for '--kinds <kinds>': unknown kind 'compnies' (did you mean 'companies'?)"
            ),
            ("people", "The value 'people' is invalid for '--kinds <kinds>': unknown kind 'people' (the kinds are \(kinds))"),
            (" , ", "The value ' , ' is invalid for '--kinds <kinds>': no kind named (the kinds are \(kinds))"),
        ]
        for (argument, message) in refusals {
            #expect {
                try Deskform.parseAsRoot(["export", "--kinds", argument])
            } throws: { error in
                Deskform.message(for: error) == message && Deskform.exitCode(for: error) == .validationFailure
            }
        }
    }

    @Test("a forbidden endpoint fails the export with the sentence plan gives, and writes nothing")
    func forbidden() async throws {
        var options = SimulatorOptions()
        options.forbidden = [.companies]
        try await withLiveSimulator(options: options) { simulator in
            let out = Self.scratch()
            defer { try? FileManager.default.removeItem(atPath: out) }
            let sentence =
                "deskform: error: \(simulator.url) accepted the credentials but forbids GET companies (HTTP 403); give the API user read access to companies in InvGate, or use one that has it\n"
            let (code, exported) = try await Self.export(simulator.url, to: out)
            #expect(code == 1)
            #expect(exported.errorOutput == sentence)
            #expect(!FileManager.default.fileExists(atPath: out))
            let (planCode, planned, _) = try await FirstContactTests.plan(["--url", simulator.url])
            #expect(planCode == 1)
            #expect(planned.errorOutput == sentence)
        }
    }

    @Test("--kinds reads and writes only the kinds named")
    func kinds() async throws {
        let out = Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: out) }
        try await withLiveSimulator(estate: try await Self.applied("msp")) { simulator in
            let (code, result) = try await Self.export(simulator.url, to: out, kinds: [.groups, .kbCategories])
            #expect(code == 0, "\(result.errorOutput)")
            let text = try String(contentsOfFile: out + "/estate.yaml", encoding: .utf8)
            let keys = text.split(separator: "\n").filter { !$0.hasPrefix(" ") && !$0.hasPrefix("-") && !$0.hasPrefix("#") }
            #expect(keys == ["groups:", "kb_categories:"])
            #expect(try await Self.plan(out, url: simulator.url).code == 0)

            let companiesOnly = Self.scratch()
            defer { try? FileManager.default.removeItem(atPath: companiesOnly) }
            let (companiesCode, companies) = try await Self.export(simulator.url, to: companiesOnly, kinds: [.companies], split: true)
            #expect(companiesCode == 0, "\(companies.errorOutput)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: companiesOnly).sorted() == ["companies", "manifest.schema.json"])
            #expect(try await Self.plan(companiesOnly, url: simulator.url).code == 0)
        }
    }

    @Test("on a terminal, a line on standard error counts every request as the instance is read")
    func progressLine() async throws {
        let out = Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: out) }
        try await withLiveSimulator(estate: try await Self.applied("msp")) { simulator in
            // What export reads, counted by the test's own transport.
            let counting = CountingTransport(simulator.transport)
            let client = InvGateClient(instanceURL: simulator.url, credentials: simulator.credentials, transport: counting)
            _ = try await LiveEstateReader(client: client, logger: Fixtures.quietLogger).read(
                FetchScope(exporting: Set(ObjectKind.allCases)))
            let requests = await counting.log.requests.count
            #expect(requests > 11)

            let (console, recording) = Console.recording(isTerminal: true)
            let code = await ExportCommand.export(
                out: out, target: try TargetOptions.parse(["--url", simulator.url]), environment: Self.credentials, console: console)
            #expect(code == 0, "\(recording.errorOutput)")
            let line = "\r\u{1B}[K"
            #expect(
                recording.errorOutput.hasPrefix(
                    "\(line)deskform: reading the instance… 1 call\(line)deskform: reading the instance… 11 calls\(line)"))
            // The reader's requests and the first GET sd.version that every command sends, in the line's place.
            #expect(recording.errorOutput.contains("\(line)Read the instance in \(requests + 1) requests (up to "))
            #expect(recording.errorOutput.hasSuffix(" at once, --parallelism auto, at most 32).\n"))

            // With TERM=dumb, no line.
            let (dumb, quiet) = Console.recording(isTerminal: true)
            var environment = Self.credentials
            environment["TERM"] = "dumb"
            let again = await ExportCommand.export(
                out: out, force: true, target: try TargetOptions.parse(["--url", simulator.url]), environment: environment, console: dumb)
            #expect(again == 0)
            #expect(!quiet.errorOutput.contains("\r"))
            #expect(quiet.errorOutput.hasPrefix("Read the instance in \(requests + 1) requests (up to "))
        }
    }

    @Test("exporting twice gives the same bytes but for the time in the header")
    func stableOutput() async throws {
        let (first, second) = (Self.scratch(), Self.scratch())
        defer { for out in [first, second] { try? FileManager.default.removeItem(atPath: out) } }
        try await withLiveSimulator(estate: try await Self.applied("msp")) { simulator in
            _ = try await Self.export(simulator.url, to: first, split: true, now: Date(timeIntervalSince1970: 0))
            _ = try await Self.export(simulator.url, to: second, split: true, now: Date(timeIntervalSince1970: 86_400))
        }
        for file in ["groups.yaml", "locations.yaml", "companies/contoso/company.yaml", "custom_fields.yaml", "helpdesks.yaml"] {
            let a = try String(contentsOfFile: "\(first)/\(file)", encoding: .utf8)
            let b = try String(contentsOfFile: "\(second)/\(file)", encoding: .utf8)
            #expect(
                a.replacingOccurrences(of: "1970-01-01T00:00:00Z", with: "T")
                    == b.replacingOccurrences(of: "1970-01-02T00:00:00Z", with: "T"))
        }
    }
}
