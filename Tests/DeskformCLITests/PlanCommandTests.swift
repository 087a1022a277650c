import ArgumentParser
import DeskformCLI
import EstateModel
import Foundation
import Manifest
import Planner
import Reconciler
import TestSupport
import Testing

@Suite("deskform plan")
struct PlanCommandTests {
    static let credentials = ["INVGATE_USERNAME": "api", "INVGATE_TOKEN": "deskform"]

    static func plan(
        _ paths: [String], url: String, format: PlanCommand.Format = .text, detailed: Bool = false, out: String? = nil
    ) async throws -> (code: Int32, recording: Console.Recording) {
        let target = try TargetOptions.parse(["--url", url])
        return await Console.run { console in
            await PlanCommand.plan(
                paths: paths, format: format, detailedExitcode: detailed, out: out, target: target,
                environment: credentials, console: console)
        }
    }

    @Test("the examples' plans against the demo seed, in text, JSON and Markdown", arguments: ["acme", "msp"])
    func goldenPlans(example: String) async throws {
        try await withLiveSimulator { simulator in
            for (format, suffix) in [(PlanCommand.Format.text, "txt"), (.json, "json"), (.markdown, "md")] {
                let (code, result) = try await Self.plan(
                    [Golden.path("examples/\(example)")], url: simulator.url, format: format, detailed: true)
                #expect(code == 2)
                try Golden.assert(Golden.normalise(result.output, url: simulator.url), matches: "\(example).plan.\(suffix)")
                let banner = "deskform: target \(simulator.url) (HTTP Basic auth)\n"
                // JSON and Markdown keep standard output for the plan: the target line goes to standard error.
                #expect(format == .text ? result.output.hasPrefix(banner) : result.errorOutput.hasPrefix(banner))
                #expect(format == .text ? !result.errorOutput.contains(banner) : !result.output.contains(banner))
            }
        }
    }

    @Test("Markdown names the instance by its environment when it has a name, and its host only with DESKFORM_SHOW_URL=1")
    func markdownNamesTheEnvironment() async throws {
        try await withLiveSimulator { simulator in
            let target = try TargetOptions.parse(["--url", simulator.url])
            let host = String(simulator.url.dropFirst("http://".count))
            let cases: [([String: String], String)] = [
                ([:], "### deskform plan for `\(simulator.url)`"),
                (["DESKFORM_INSTANCE_NAME": "production"], "### deskform plan for `production`"),
                (["DESKFORM_INSTANCE_NAME": "production", "DESKFORM_SHOW_URL": "1"], "### deskform plan for `production (\(host))`"),
            ]
            for (variables, heading) in cases {
                let (code, result) = await Console.run { console in
                    await PlanCommand.plan(
                        paths: [Golden.path("examples/acme")], format: .markdown, detailedExitcode: true, target: target,
                        environment: Self.credentials.merging(variables) { $1 }, console: console)
                }
                #expect(code == 2)
                #expect(result.output.hasPrefix(heading + "\n\n**Plan: 8 to add, 2 to change, 0 to destroy.**\n"), "\(result.output.prefix(120))")
                #expect(result.output.contains(host) == (variables.count != 1))
            }
        }
    }

    @Test("every example's plan reaches its desired state, and then there is nothing left to do", arguments: ["acme", "msp"])
    func examplesConverge(example: String) async throws {
        let manifest = ManifestLoader().load(paths: [Golden.path("examples/\(example)")]).estate
        let replayed = try await withLiveSimulator { simulator in
            let reconciliation = try await Reconciliation.prepare(
                manifest, client: simulator.client, parallelism: 4, logger: Fixtures.quietLogger)
            #expect(!reconciliation.plan.isEmpty)
            return try Planner.replay(reconciliation.plan, on: await simulator.store.estate)
        }
        try await withLiveSimulator(estate: replayed) { simulator in
            let (code, result) = try await Self.plan([Golden.path("examples/\(example)")], url: simulator.url, detailed: true)
            #expect(code == 0)
            #expect(
                result.output.hasSuffix("No changes. The instance matches the manifests.\nPlan: 0 to add, 0 to change, 0 to destroy.\n"))
        }
    }

    @Test("unknown users, groups, help desks, levels and fields are errors at their positions, with hints, all at once")
    func unknownReferences() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("plan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("bad.yaml")
        try Data(
            """
            companies:
              - name: Acme
                groups: [Acme IT, Acme Sails]
                members: [alcie, bob@acme.exmple, 99, oscar]
            groups:
              - name: Acme IT
            helpdesks:
              - name: Servce Desk
              - name: Field Services
                levels:
                  - name: Onsite
                  - order: 7
            custom_fields:
              - field: Departmnet
                options: {a: A}
              - field: Office
                options: {a: A}

            """.utf8
        ).write(to: file)
        try await withLiveSimulator { simulator in
            let (code, result) = try await Self.plan([file.path], url: simulator.url)
            #expect(code == 1)
            let path = file.path
            #expect(
                result.errorOutput == """
                    \(path):3:23: warning: group 'Acme Sails' is not declared in the manifests
                      hint: did you mean 'Acme IT'? (an undeclared group must already exist on the instance)
                    \(path):3:23: error: unknown group 'Acme Sails': it is neither declared nor in the instance
                      hint: did you mean 'Acme IT'?
                    \(path):4:15: error: unknown user 'alcie'
                      hint: did you mean 'alice'?
                    \(path):4:22: error: unknown user 'bob@acme.exmple'
                      hint: did you mean 'bob@acme.example'?
                    \(path):4:39: error: unknown user '99'
                    \(path):4:43: warning: user 'oscar' is disabled
                    \(path):8:11: error: unknown help desk 'Servce Desk'
                      hint: did you mean 'Service Desk'?
                    \(path):11:15: error: unknown level 'Onsite' in help desk 'Field Services'
                      hint: did you mean 'On-site'?
                    \(path):12:16: error: unknown level order 7 in help desk 'Field Services'
                      hint: 'Field Services' has 'Dispatch' (order 1), 'On-site' (order 2)
                    \(path):14:12: error: unknown custom field 'Departmnet'
                      hint: did you mean 'Department'?
                    \(path):16:12: error: custom field 'Office' is not a list-type field (it is 'Tree Options (Custom Keys)'), so it has no `options`
                      hint: declare its options under `tree`
                    9 errors, 1 warning; nothing was planned.

                    """)
            #expect(result.output == "deskform: target \(simulator.url) (HTTP Basic auth)\n")
        }
    }

    @Test("a manifest error stops everything before the first API call")
    func manifestErrorsFirst() async throws {
        let (code, result) = try await Self.plan(["/nonexistent/deskform"], url: "http://127.0.0.1:9")
        #expect(code == 1)
        #expect(result.output == "")
        #expect(result.errorOutput.hasSuffix("1 error, 0 warnings; nothing was read or planned.\n"))
    }

    @Test("a renamed group or location is replaced (-/+), and the plan lists what the replace destroys")
    func replaces() async throws {
        var estate = Fixtures.demoEstate
        try estate.apply(.createGroup(name: "IT Team"))
        try estate.apply(.addMembers(.group(1), users: [1, 2]))
        try estate.apply(.createLocation(name: "Madrid HQ", parentID: nil))
        try estate.apply(.createLocation(name: "Floor 2", parentID: 1))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("plan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("renames.yaml")
        try Data(
            """
            groups:
              - name: IT
                previous_names: [IT Team]
            locations:
              - name: Madrid
                previous_names: [Madrid HQ]

            """.utf8
        ).write(to: file)
        try await withLiveSimulator(estate: estate) { simulator in
            let (code, result) = try await Self.plan([file.path], url: simulator.url, detailed: true)
            #expect(code == 2)
            #expect(
                result.output.contains(
                    """
                    -/+ group["IT"]  (renamed from "IT Team"; the API cannot rename groups)
                        name: "IT Team" → "IT"
                        ! the old group's 2 memberships and 0 company relations are dropped and re-applied to the new group
                    """))
            #expect(
                result.output.contains(
                    """
                    -/+ location["Madrid"]  (renamed from "Madrid HQ"; the API cannot rename locations)
                        name: "Madrid HQ" → "Madrid"
                        ! erases location["Madrid HQ/Floor 2"]
                    """))
            #expect(
                result.output.hasSuffix(
                    """
                    Plan: 2 to add, 0 to change, 3 to destroy.
                    Policy: it destroys 3 objects, within policy.max_deletes (10); apply --hold-deletes would hold back group["IT"], location["Madrid"].

                    """))
        }
    }

    @Test("paths that hold no manifest are an error before anything is read")
    func noManifests() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("plan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("{}".utf8).write(to: directory.appendingPathComponent("plan.json"))
        let (code, result) = try await Self.plan([directory.path], url: "http://127.0.0.1:9")
        #expect(code == 1)
        #expect(result.output == "")
        #expect(
            result.errorOutput == """
                deskform: error: no manifests found in \(directory.path)
                  hint: deskform reads *.yaml and *.yml files (in any case), searching directories recursively and skipping hidden ones
                1 error, 0 warnings; nothing was read or planned.

                """)
    }

    @Test("--out to a path that cannot take the plan fails in one sentence before anything is read")
    func unwritableOut() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("plan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("file.txt")
        try Data("x".utf8).write(to: file)
        let cases = [
            ("/nonexistent-deskform/plan.json", "the folder /nonexistent-deskform does not exist"),
            (directory.path, "it is a folder"),
            (file.path + "/plan.json", "\(file.path) is not a folder"),
        ]
        for (out, why) in cases {
            // An unreachable instance: the refusal comes before any request.
            let (code, result) = try await Self.plan([Golden.path("examples/acme")], url: "http://127.0.0.1:9", out: out)
            #expect(code == 1)
            #expect(result.output == "")
            #expect(result.errorOutput == "deskform: error: cannot write the plan to \(out): \(why)\n")
        }
    }

    @Test("a plan whose file cannot be written at the end says why in one sentence")
    func failedWrite() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("plan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let out = directory.appendingPathComponent("plan.json").path
        try FileManager.default.removeItem(at: directory)
        let file = PlanFile(
            target: "http://127.0.0.1:9", scope: FetchScope(manifest: DeclaredEstate()),
            fingerprint: LiveFingerprint(of: Fixtures.demoEstate, kinds: []), plan: Plan())
        #expect(throws: PlanFileError.unwritable(path: out, why: "the folder \(directory.path) does not exist")) { try file.write(to: out) }
        #expect(
            PlanFileError.unwritable(path: out, why: "the folder \(directory.path) does not exist").description
                == "cannot write the plan to \(out): the folder \(directory.path) does not exist")
    }

    @Test("a disabled user named three times is one warning, at its first use")
    func disabledUserWarnedOnce() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("plan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("groups.yaml")
        try Data("groups:\n  - name: Night Shift\n    members: [oscar]\n  - name: Day Shift\n    members: [alice, Oscar]\n    observers: [oscar]\n".utf8)
            .write(to: file)
        try await withLiveSimulator { simulator in
            let (_, json) = try await Self.plan([file.path], url: simulator.url, format: .json, detailed: true)
            #expect(
                json.output.contains(
                    "\"warnings\": [\n    \"\(file.path):3:15: user 'oscar' is disabled (and 2 more references)\"\n  ]"), "\(json.output)")
        }
    }

    @Test("a disabled user is a warning that travels with the plan, in text, JSON and Markdown")
    func disabledUserWarning() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("plan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("group.yaml")
        try Data("groups:\n  - name: Night Shift\n    members: [oscar]\n".utf8).write(to: file)
        try await withLiveSimulator { simulator in
            let (code, text) = try await Self.plan([file.path], url: simulator.url, detailed: true)
            #expect(code == 2)
            #expect(
                text.output.contains("warning: \(file.path):3:15: user 'oscar' is disabled\nPlan: 1 to add, 0 to change, 0 to destroy.\n"))
            let (_, json) = try await Self.plan([file.path], url: simulator.url, format: .json, detailed: true)
            #expect(json.output.contains("\"warnings\": [\n    \"\(file.path):3:15: user 'oscar' is disabled\"\n  ]"))
            let (_, markdown) = try await Self.plan([file.path], url: simulator.url, format: .markdown, detailed: true)
            #expect(
                markdown.output.hasPrefix(
                    """
                    ### deskform plan for `\(simulator.url)`

                    **Plan: 1 to add, 0 to change, 0 to destroy.**

                    > ⚠️ \(file.path):3:15: user 'oscar' is disabled

                    """))
        }
    }
}
