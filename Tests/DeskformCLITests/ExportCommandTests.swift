import ArgumentParser
import DeskformCLI
import EstateModel
import Foundation
import Manifest
import Planner
import Reconciler
import Testing
import TestSupport

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
    ) async throws -> CommandOutput {
        try await ExportCommand.export(
            out: out, kinds: kinds, split: split, force: force, target: TargetOptions.parse(["--url", url]),
            environment: credentials, now: now)
    }

    static func plan(_ directory: String, url: String) async throws -> CommandOutput {
        try await PlanCommand.plan(
            paths: [directory], format: .text, detailedExitcode: true, target: TargetOptions.parse(["--url", url]),
            environment: credentials)
    }

    /// Exports from `simulator`, checks the files validate without a warning, plans them against the
    /// same instance and expects no change.
    static func roundTrip(_ simulator: LiveSimulator, split: Bool = false, sourceLocation: Testing.SourceLocation = #_sourceLocation) async throws {
        let out = scratch()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let exported = try await export(simulator.url, to: out, split: split)
        #expect(exported.exitCode == 0, "\(exported.errorOutput)", sourceLocation: sourceLocation)
        let validation = ValidateCommand.validate(paths: [out], format: .text)
        #expect(validation.exitCode == 0 && validation.errorOutput.isEmpty, "\(validation.errorOutput)", sourceLocation: sourceLocation)
        let planned = try await plan(out, url: simulator.url)
        #expect(planned.exitCode == 0, "\(planned.output)\(planned.errorOutput)", sourceLocation: sourceLocation)
    }

    /// The estate after applying `example`'s plan to the demo seed.
    static func applied(_ example: String) async throws -> Estate {
        let manifest = ManifestLoader().load(paths: [Golden.path("examples/\(example)")]).estate
        return try await withLiveSimulator { simulator in
            let reconciliation = try await Reconciliation.prepare(manifest, client: simulator.client, parallelism: 4, logger: Fixtures.quietLogger)
            return try Planner.replay(reconciliation.plan, on: await simulator.store.estate)
        }
    }

    @Test("the demo seed exports to manifests that validate cleanly and plan no change")
    func demoSeedRoundTrips() async throws {
        try await withLiveSimulator { simulator in try await Self.roundTrip(simulator) }
    }

    @Test("every example, once applied, exports to manifests that plan no change (one file and split)", arguments: ["acme", "msp"])
    func examplesRoundTrip(example: String) async throws {
        try await withLiveSimulator(estate: try await Self.applied(example)) { simulator in
            try await Self.roundTrip(simulator)
            try await Self.roundTrip(simulator, split: true)
        }
    }

    @Test("--split writes a folder per company and a file per kind, with the schema next to them")
    func splitLayout() async throws {
        let out = Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: out) }
        try await withLiveSimulator(estate: try await Self.applied("msp")) { simulator in
            let result = try await Self.export(simulator.url, to: out, split: true)
            #expect(result.exitCode == 0, "\(result.errorOutput)")
        }
        let files = FileManager.default.enumerator(atPath: out)!.compactMap { $0 as? String }
            .filter { !(try! URL(fileURLWithPath: out).appendingPathComponent($0).resourceValues(forKeys: [.isDirectoryKey]).isDirectory!) }
            .sorted()
        #expect(files == [
            "companies/contoso/company.yaml", "companies/globex/company.yaml", "companies/northwind-traders/company.yaml",
            "custom_fields.yaml", "groups.yaml", "helpdesks.yaml", "kb_categories.yaml", "locations.yaml", "manifest.schema.json",
        ])
        let company = try String(contentsOfFile: out + "/companies/globex/company.yaml", encoding: .utf8)
        #expect(company.hasPrefix("# yaml-language-server: $schema=../../manifest.schema.json\n# Exported by deskform from http://127.0.0.1:"))
        #expect(company.contains(" at 2025-06-15T15:06:40Z\n"))
    }

    @Test("exporting into a non-empty directory refuses; --force replaces an earlier export's manifests and keeps other files")
    func nonEmptyDirectory() async throws {
        let out = Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: out) }
        try FileManager.default.createDirectory(atPath: out + "/companies/gone", withIntermediateDirectories: true)
        try Data("notes\n".utf8).write(to: URL(fileURLWithPath: out + "/notes.txt"))
        try Data("# yaml-language-server: $schema=../../manifest.schema.json\n# Exported by deskform from http://x at 2020-01-01T00:00:00Z\ncompanies:\n- name: Gone\n"
            .utf8).write(to: URL(fileURLWithPath: out + "/companies/gone/company.yaml"))
        try await withLiveSimulator(estate: try await Self.applied("acme")) { simulator in
            let refused = try await Self.export(simulator.url, to: out, split: true)
            #expect(refused.exitCode == 1)
            #expect(refused.output.isEmpty)
            #expect(refused.errorOutput.hasPrefix("deskform: error: \(out) is not empty"))
            #expect(refused.errorOutput.contains("--force"))

            let forced = try await Self.export(simulator.url, to: out, split: true, force: true)
            #expect(forced.exitCode == 0, "\(forced.errorOutput)")
            #expect(forced.output.contains("removed companies/gone/company.yaml"))
            #expect(!FileManager.default.fileExists(atPath: out + "/companies/gone"))
            #expect(FileManager.default.fileExists(atPath: out + "/notes.txt"))
            #expect(FileManager.default.fileExists(atPath: out + "/companies/acme-corp/company.yaml"))
            #expect(try await Self.plan(out, url: simulator.url).exitCode == 0)
        }
    }

    @Test("--kinds is a comma-separated list of kinds, each once; an unknown kind is a usage error with a hint")
    func kindsArgument() throws {
        let command = try #require(try Deskform.parseAsRoot(["export", "--kinds", "groups, kb_categories,groups"]) as? ExportCommand)
        #expect(command.kinds == [.groups, .kbCategories])
        let defaults = try #require(try Deskform.parseAsRoot(["export"]) as? ExportCommand)
        #expect(defaults.kinds == ObjectKind.allCases)
        let kinds = "companies, groups, locations, helpdesks, kb_categories, custom_fields"
        let refusals = [
            ("groups,compnies", "The value 'groups,compnies' is invalid for '--kinds <kinds>': unknown kind 'compnies' (did you mean 'companies'?)"),
            ("users", "The value 'users' is invalid for '--kinds <kinds>': unknown kind 'users' (the kinds are \(kinds))"),
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

    @Test("--kinds reads and writes only the kinds named")
    func kinds() async throws {
        let out = Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: out) }
        try await withLiveSimulator(estate: try await Self.applied("msp")) { simulator in
            let result = try await Self.export(simulator.url, to: out, kinds: [.groups, .kbCategories])
            #expect(result.exitCode == 0, "\(result.errorOutput)")
            let text = try String(contentsOfFile: out + "/estate.yaml", encoding: .utf8)
            let keys = text.split(separator: "\n").filter { !$0.hasPrefix(" ") && !$0.hasPrefix("-") && !$0.hasPrefix("#") }
            #expect(keys == ["groups:", "kb_categories:"])
            #expect(try await Self.plan(out, url: simulator.url).exitCode == 0)

            let companiesOnly = Self.scratch()
            defer { try? FileManager.default.removeItem(atPath: companiesOnly) }
            let companies = try await Self.export(simulator.url, to: companiesOnly, kinds: [.companies], split: true)
            #expect(companies.exitCode == 0, "\(companies.errorOutput)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: companiesOnly).sorted() == ["companies", "manifest.schema.json"])
            #expect(try await Self.plan(companiesOnly, url: simulator.url).exitCode == 0)
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
            #expect(a.replacingOccurrences(of: "1970-01-01T00:00:00Z", with: "T") == b.replacingOccurrences(of: "1970-01-02T00:00:00Z", with: "T"))
        }
    }
}
