import DeskformCLI
import EstateModel
import Foundation
import InvGateAPI
import Manifest
import Planner
import Reconciler
import TestSupport
import Testing

/// The demo seed with company "Beta Ltd", groups "Old Ops" and "Acme Legacy", locations "Lisbon" and "Porto".
private func estate() throws -> Estate {
    var estate = Fixtures.demoEstate
    for operation: EstateOperation in [
        .createCompany(name: "Beta Ltd", externalID: nil), .createGroup(name: "Old Ops"), .createGroup(name: "Acme Legacy"),
        .createLocation(name: "Lisbon", parentID: nil), .createLocation(name: "Porto", parentID: nil),
    ] {
        _ = try estate.apply(operation)
    }
    return estate
}

private let manifest = """
    companies:
      - name: Acme Corp
        groups: [Acme IT]
        members: [alice]
      - name: Beta Ltd
        members: [bob]
    groups:
      - name: Acme IT
        members: [alice]
      - name: Ops
        members: [carol]
    locations:
      - name: Madrid
        children:
          - name: Floor 2
            members: [grace]
      - name: Lisbon
        members: [frank]
    kb_categories:
      - name: Handbook
    policy:
      prune: [companies, groups, locations]
      max_deletes: 50

    """

@Suite("deskform plan, apply and export with --target and --exclude")
struct TargetedPlanTests {
    static let credentials = ["INVGATE_USERNAME": "api", "INVGATE_TOKEN": "deskform"]

    static func scratch() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("targets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data(manifest.utf8).write(to: directory.appendingPathComponent("estate.yaml"))
        return directory
    }

    static func plan(
        _ scratch: URL, url: String, targets: [String], excludes: [String] = [], format: PlanCommand.Format = .text, out: String? = nil
    ) async throws -> (code: Int32, recording: Console.Recording) {
        let target = try TargetOptions.parse(["--url", url])
        let targeting = try TargetingOptions(targets: targets, excludes: excludes).targeting
        return await Console.run { console in
            await PlanCommand.plan(
                paths: [scratch.appendingPathComponent("estate.yaml").path], format: format, detailedExitcode: true, out: out,
                targeting: targeting, target: target, environment: credentials, console: console)
        }
    }

    static func apply(
        _ paths: [String], scratch: URL, url: String, targets: [String] = [], excludes: [String] = []
    ) async throws -> (code: Int32, recording: Console.Recording) {
        let settings = ApplyCommand.Settings(
            paths: paths, journalDirectory: scratch.appendingPathComponent("journal").path,
            targeting: try TargetingOptions(targets: targets, excludes: excludes).targeting)
        let target = try TargetOptions.parse(["--url", url])
        return await Console.run { console in
            await ApplyCommand.apply(settings, target: target, environment: credentials, approval: .automatic, console: console)
        }
    }

    @Test("the plan says what it was limited to and what it pulled in")
    func pulledIn() async throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        try await withLiveSimulator(estate: try estate()) { simulator in
            let (code, result) = try await Self.plan(scratch, url: simulator.url, targets: [#"location["Madrid/Floor 2"]"#])
            #expect(code == 2)
            #expect(result.errorOutput.hasPrefix("Read the instance in "))
            #expect(result.errorOutput.split(separator: "\n").count == 1)
            #expect(
                result.output.hasPrefix(
                    """
                    deskform: target \(simulator.url) (HTTP Basic auth)
                    Targeted (--target location["Madrid/Floor 2"]): nothing outside these objects is read, changed or pruned.
                    Pulled in: location["Madrid"] (new, needed by location["Madrid/Floor 2"]).

                    deskform will perform the following actions:

                    """))
            #expect(result.output.hasSuffix("Plan: 2 to add, 0 to change, 0 to destroy. 2 unmanaged objects left alone (locations: 2).\n"))
        }
    }

    @Test("a target reads only what it reaches: fewer GETs than the whole plan")
    func fewerReads() async throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let manifest = ManifestLoader().load(paths: [scratch.appendingPathComponent("estate.yaml").path]).estate
        let counts = try await withLiveSimulator(estate: try estate()) { simulator in
            var counts: [Int] = []
            for targets in [[], [#"company["Acme*"]"#], ["locations"]] {
                let counting = CountingTransport(simulator.transport)
                let client = InvGateClient(instanceURL: simulator.url, credentials: simulator.credentials, transport: counting)
                let targeting = try TargetingOptions(targets: targets).targeting
                _ = try await Reconciliation.prepare(
                    manifest, targeting: targeting, client: client, parallelism: 1, logger: Fixtures.quietLogger)
                counts.append(await counting.log.requests.filter { $0.method == .get }.count)
            }
            return counts
        }
        #expect(counts == [10, 7, 4])
    }

    @Test("an address that matches nothing is an error naming the close addresses only; nothing is planned")
    func unmatched() async throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        try await withLiveSimulator(estate: try estate()) { simulator in
            let (code, result) = try await Self.plan(
                scratch, url: simulator.url, targets: [#"group["Opps"]"#, "groups"], excludes: ["locations"])
            #expect(code == 1)
            #expect(result.output == "deskform: target \(simulator.url) (HTTP Basic auth)\n")
            #expect(
                result.errorOutput == """
                    deskform: error: --target group["Opps"] matches nothing in the manifests or on the instance
                      hint: did you mean group["Ops"]?
                    deskform: error: --exclude locations matches nothing in the manifests or on the instance
                    Nothing was planned: write the address as the plan prints it (kind["name"], * and ? inside the quotes) or a kind alone.

                    """)
        }
    }

    @Test("a targeted apply changes nothing outside its targets, and prunes only inside them")
    func targetedApply() async throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let before = try estate()
        try await withLiveSimulator(estate: before) { simulator in
            let manifestPath = scratch.appendingPathComponent("estate.yaml").path
            let (code, result) = try await Self.apply(
                [manifestPath], scratch: scratch, url: simulator.url, targets: ["groups"], excludes: [#"group["Acme*"]"#])
            #expect(code == 0, "\(result.errorOutput)")
            let after = await simulator.store.estate
            #expect(after.companies == before.companies && after.locations == before.locations && after.kbCategories == before.kbCategories)
            #expect(after.groups.values.map(\.name).sorted() == ["Acme Legacy", "Ops"])
            #expect(after.groups.values.first { $0.name == "Acme Legacy" } == before.groups.values.first { $0.name == "Acme Legacy" })
            #expect(after.groups.values.first { $0.name == "Ops" }?.members == [3])
        }
    }

    @Test("a saved targeted plan records its targets; apply FILE honours them and refuses new ones")
    func savedPlan() async throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let before = try estate()
        try await withLiveSimulator(estate: before) { simulator in
            let out = scratch.appendingPathComponent("targeted.plan").path
            let (code, _) = try await Self.plan(scratch, url: simulator.url, targets: [#"company["Acme*"]"#], out: out)
            #expect(code == 2)
            let saved = try PlanFile.read(from: out)
            #expect(saved.plan.targeting.targets.map(\.description) == [#"company["Acme*"]"#])
            #expect(saved.plan.pulledIn.map(\.description) == [#"group["Acme IT"] (new, needed by company["Acme Corp"])"#])
            #expect(saved.scope == FetchScope([.companies, .groups]))
            let (refused, refusal) = try await Self.apply([out], scratch: scratch, url: simulator.url, targets: ["groups"])
            #expect(refused == 1)
            #expect(
                refusal.errorOutput == """
                    deskform: error: a saved plan keeps the targets it was planned with; --target and --exclude cannot change them.
                      hint: apply it as it is (deskform apply \(out)), or plan again with the targets you want and --out.

                    """)
            let (applied, result) = try await Self.apply([out], scratch: scratch, url: simulator.url)
            #expect(applied == 0, "\(result.errorOutput)")
            let after = await simulator.store.estate
            #expect(after.companies.values.map(\.name).sorted() == ["Acme Corp", "Beta Ltd"])
            #expect(after.companies.values.first { $0.name == "Beta Ltd" } == before.companies.values.first { $0.name == "Beta Ltd" })
            #expect(after.groups.values.map(\.name).sorted() == ["Acme IT", "Acme Legacy", "Old Ops"])
            #expect(after.locations == before.locations)
        }
    }

    @Test("export --target writes the selected objects with the parents they need; an unmatched one writes nothing")
    func targetedExport() async throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        var live = try estate()
        _ = try live.apply(.createLocation(name: "Floor 1", parentID: live.locations.values.first { $0.name == "Porto" }!.id))
        let settled = live
        try await withLiveSimulator(estate: settled) { simulator in
            let target = try TargetOptions.parse(["--url", simulator.url])
            let out = scratch.appendingPathComponent("export").path
            let (code, result) = await Console.run { console in
                await ExportCommand.export(
                    out: out, targeting: try! TargetingOptions(targets: [#"location["Porto/*"]"#, #"group["Old*"]"#]).targeting,
                    target: target, environment: Self.credentials, console: console)
            }
            #expect(code == 0, "\(result.errorOutput)")
            #expect(result.output.hasSuffix("Exported 1 group, 2 locations to \(out) (1 file).\n"))
            let written = try String(contentsOfFile: out + "/estate.yaml", encoding: .utf8)
            #expect(
                written.contains("Old Ops") && !written.contains("Acme Legacy") && !written.contains("Lisbon")
                    && written.contains("Floor 1"))
            let (missed, refusal) = await Console.run { console in
                await ExportCommand.export(
                    out: scratch.appendingPathComponent("none").path,
                    targeting: try! TargetingOptions(targets: [#"group["Nope"]"#]).targeting,
                    target: target, environment: Self.credentials, console: console)
            }
            #expect(missed == 1)
            #expect(
                refusal.errorOutput.hasPrefix(
                    #"deskform: error: --target group["Nope"] matches nothing in the manifests or on the instance"#))
            #expect(!FileManager.default.fileExists(atPath: scratch.appendingPathComponent("none/estate.yaml").path))
        }
    }
}
