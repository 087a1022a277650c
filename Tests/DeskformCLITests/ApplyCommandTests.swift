import ArgumentParser
import DeskformCLI
import EstateModel
import Foundation
import Planner
import Reconciler
import Simulator
import Synchronization
import TestSupport
import Testing

@Suite("deskform apply")
struct ApplyCommandTests {
    static let credentials = PlanCommandTests.credentials

    /// A fresh directory for journals and plan files, removed afterwards.
    static func scratch() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("apply-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    static func apply(
        _ paths: [String], url: String, scratch: URL, approval: ApplyCommand.Approval = .automatic,
        allowDeletes: Bool = false, holdDeletes: Bool = false
    ) async throws -> (code: Int32, recording: Console.Recording) {
        let settings = ApplyCommand.Settings(
            paths: paths, allowDeletes: allowDeletes, holdDeletes: holdDeletes,
            journalDirectory: scratch.appendingPathComponent("journal").path)
        let target = try TargetOptions.parse(["--url", url])
        return await Console.run { console in
            await ApplyCommand.apply(settings, target: target, environment: credentials, approval: approval, console: console)
        }
    }

    @Test("each example applies, and then plan --detailed-exitcode exits 0", arguments: ["acme", "msp"])
    func examplesApply(example: String) async throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        try await withLiveSimulator { simulator in
            let path = Golden.path("examples/\(example)")
            let (code, output) = try await Self.apply([path], url: simulator.url, scratch: scratch)
            #expect(code == 0)
            #expect(output.output.contains("Apply complete: "))
            let (again, _) = try await PlanCommandTests.plan([path], url: simulator.url, detailed: true)
            #expect(again == 0)
            let journals = try FileManager.default.contentsOfDirectory(atPath: scratch.appendingPathComponent("journal").path)
            #expect(journals.count == 1 && journals[0].hasSuffix(".jsonl"))
        }
    }

    @Test("with 30% of the writes failing (503, 429 + Retry-After, dropped), one apply converges and creates nothing twice")
    func faults() async throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let options = SimulatorOptions(faultRate: 0.3, faultSeed: 11)
        try await withLiveSimulator(options: options) { simulator in
            let path = Golden.path("examples/msp")
            let (code, output) = try await Self.apply([path], url: simulator.url, scratch: scratch)
            #expect(code == 0, "\(output.errorOutput)")
            let estate = await simulator.store.estate
            #expect(Set(estate.groups.values.map(\.name)).count == estate.groups.count)
            #expect(Set(estate.companies.values.map(\.name)).count == estate.companies.count)
            #expect(Set(estate.locations.keys.map { estate.locationPath(of: $0) }).count == estate.locations.count)
            #expect(Set(estate.kbCategories.keys.map { estate.kbCategoryPath(of: $0) }).count == estate.kbCategories.count)
        }
    }

    @Test("without a terminal and without --auto-approve, apply refuses and changes nothing")
    func needsApproval() async throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        try await withLiveSimulator { simulator in
            let before = await simulator.store.estate
            let (code, output) = try await Self.apply(
                [Golden.path("examples/acme")], url: simulator.url, scratch: scratch, approval: .unavailable)
            #expect(code == 1)
            #expect(
                output.errorOutput.hasSuffix(
                    "deskform: error: apply needs approval and there is no terminal to ask on; run it with --auto-approve.\n"))
            #expect(await simulator.store.estate == before)
        }
    }

    @Test("on a terminal only 'yes' approves")
    func prompt() async throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        try await withLiveSimulator { simulator in
            let before = await simulator.store.estate
            let (refused, refusal) = try await Self.apply(
                [Golden.path("examples/acme")], url: simulator.url, scratch: scratch, approval: .prompt({ "y" }))
            #expect(refused == 1)
            #expect(
                refusal.output.hasSuffix(
                    "Only 'yes' will be accepted to approve.\n  Enter a value: \nApply cancelled: nothing was changed.\n"))
            #expect(await simulator.store.estate == before)
            let (approved, _) = try await Self.apply(
                [Golden.path("examples/acme")], url: simulator.url, scratch: scratch, approval: .prompt({ "yes" }))
            #expect(approved == 0)
            #expect(await simulator.store.estate.companies.values.map(\.name) == ["Acme Corp"])
        }
    }

    /// The demo seed plus twelve groups the manifests below prune.
    static func estateWithLegacyGroups() throws -> Estate {
        var estate = Fixtures.demoEstate
        for index in 1...12 { try estate.apply(.createGroup(name: "Legacy \(index)")) }
        try estate.apply(.createGroup(name: "Keep"))
        return estate
    }

    static func pruningManifest(in scratch: URL) throws -> String {
        let file = scratch.appendingPathComponent("groups.yaml")
        try Data("groups:\n  - name: Keep\n  - name: New\n    members: [alice]\npolicy:\n  prune: [groups]\n".utf8).write(to: file)
        return file.path
    }

    @Test("more deletions than policy.max_deletes are refused with exit 3; --allow-deletes applies them")
    func maxDeletes() async throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let manifest = try Self.pruningManifest(in: scratch)
        try await withLiveSimulator(estate: Self.estateWithLegacyGroups()) { simulator in
            let before = await simulator.store.estate
            let (refused, output) = try await Self.apply([manifest], url: simulator.url, scratch: scratch)
            #expect(refused == 3)
            #expect(
                output.errorOutput.contains(
                    """
                    deskform: error: apply refused: the plan destroys 12 objects, more than policy.max_deletes (10); nothing was changed.
                      hint: run with --allow-deletes to allow them, or --hold-deletes to apply everything else.
                    """))
            #expect(await simulator.store.estate == before)
            let (allowed, _) = try await Self.apply([manifest], url: simulator.url, scratch: scratch, allowDeletes: true)
            #expect(allowed == 0)
            #expect(await simulator.store.estate.groups.values.map(\.name).sorted() == ["Keep", "New"])
        }
    }

    @Test("with policy.max_deletes 0, one deletion is refused, in the singular")
    func maxDeletesZero() async throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let manifest = scratch.appendingPathComponent("groups.yaml")
        try Data("groups:\n  - name: Old\n    absent: true\npolicy:\n  max_deletes: 0\n".utf8).write(to: manifest)
        var seed = Fixtures.demoEstate
        try seed.apply(.createGroup(name: "Old"))
        let estate = seed
        try await withLiveSimulator(estate: estate) { simulator in
            let (refused, output) = try await Self.apply([manifest.path], url: simulator.url, scratch: scratch)
            #expect(refused == 3)
            #expect(
                output.errorOutput.contains(
                    "deskform: error: apply refused: the plan destroys 1 object, more than policy.max_deletes (0); nothing was changed.\n"))
            #expect(await simulator.store.estate == estate)
        }
    }

    @Test("--hold-deletes applies everything else and reports the deletions held back")
    func holdDeletes() async throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let manifest = try Self.pruningManifest(in: scratch)
        try await withLiveSimulator(estate: Self.estateWithLegacyGroups()) { simulator in
            let (code, output) = try await Self.apply([manifest], url: simulator.url, scratch: scratch, holdDeletes: true)
            #expect(code == 0)
            #expect(output.output.contains("Held back (--hold-deletes): group[\"Legacy 1\"], group[\"Legacy 10\"]"))
            let groups = await simulator.store.estate.groups.values
            #expect(groups.count == 14 && groups.first { $0.name == "New" }?.members == [1])
        }
    }

    /// The demo seed plus location "Old Site" with twelve sublocations, which the manifest below prunes.
    static func estateWithOldSite() throws -> Estate {
        var estate = Fixtures.demoEstate
        let site = try estate.apply(.createLocation(name: "Old Site", parentID: nil)).createdID
        for floor in 1...12 { try estate.apply(.createLocation(name: "Floor \(floor)", parentID: site)) }
        return estate
    }

    static func manifest(_ text: String, in scratch: URL) throws -> String {
        let file = scratch.appendingPathComponent("estate.yaml")
        try Data(text.utf8).write(to: file)
        return file.path
    }

    @Test("a location pruned with its twelve sublocations counts thirteen against max_deletes: refused, nothing written")
    func cascadeOverLimit() async throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let estate = try Self.estateWithOldSite()
        let manifest = try Self.manifest(
            "locations: []\ngroups:\n  - name: Night Shift\npolicy:\n  prune: [locations]\n  max_deletes: 3\n", in: scratch)
        try await withLiveSimulator(estate: estate) { simulator in
            let before = await simulator.store.estate
            let (refused, output) = try await Self.apply([manifest], url: simulator.url, scratch: scratch)
            #expect(refused == 3)
            #expect(output.output.contains("Plan: 1 to add, 0 to change, 13 to destroy."))
            #expect(
                output.output.contains("Policy: apply would refuse this plan: it destroys 13 objects, more than policy.max_deletes (3)."))
            #expect(
                output.errorOutput.contains(
                    "apply refused: the plan destroys 13 objects, more than policy.max_deletes (3); nothing was changed."))
            #expect(await simulator.store.estate == before)

            // --hold-deletes applies the rest: the new group, and not one location.
            let (held, report) = try await Self.apply([manifest], url: simulator.url, scratch: scratch, holdDeletes: true)
            #expect(held == 0)
            #expect(
                report.output.contains(
                    "Apply complete: 1 applied, 0 failed, 0 skipped.\nHeld back (--hold-deletes): location[\"Old Site\"].\n"))
            let after = await simulator.store.estate
            #expect(after.locations == before.locations)
            #expect(after.groups.values.contains { $0.name == "Night Shift" })

            // Only deletions left: nothing to approve or apply.
            let (nothing, quiet) = try await Self.apply(
                [manifest], url: simulator.url, scratch: scratch, approval: .unavailable, holdDeletes: true)
            #expect(nothing == 0)
            #expect(
                quiet.output.hasSuffix("Nothing to apply: --hold-deletes holds back every change of this plan: location[\"Old Site\"].\n"))
            #expect(await simulator.store.estate == after)
        }
    }

    @Test("a saved plan applies exactly its steps; a stale one is refused with nothing written")
    func savedPlans() async throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let planFile = scratch.appendingPathComponent("acme.plan").path
        try await withLiveSimulator { simulator in
            let (saved, savedOutput) = try await PlanCommandTests.plan(
                [Golden.path("examples/acme")], url: simulator.url, detailed: true, out: planFile)
            #expect(saved == 2)
            #expect(savedOutput.errorOutput.hasSuffix("Saved the plan to \(planFile); apply exactly it with: deskform apply \(planFile)\n"))

            // Someone changes a group the plan read: the plan is stale.
            try await simulator.store.replace(with: await simulator.store.estate.applying(.addObservers(.helpdesk(1), users: [3])))
            let changed = await simulator.store.estate
            let (stale, refusal) = try await Self.apply([planFile], url: simulator.url, scratch: scratch)
            #expect(stale == 1)
            #expect(
                refusal.errorOutput.hasSuffix(
                    "deskform: error: stale plan: the instance changed since the plan was made (helpdesk[\"Service Desk\"] changed). Run plan again.\n"
                ))
            #expect(await simulator.store.estate == changed)

            // Put it back: the saved plan applies, exactly its steps, without asking.
            try await simulator.store.replace(with: await simulator.store.estate.applying(.removeObservers(.helpdesk(1), users: [3])))
            let (applied, output) = try await Self.apply([planFile], url: simulator.url, scratch: scratch, approval: .unavailable)
            #expect(applied == 0)
            #expect(output.output.contains("Apply complete: 18 applied, 0 failed, 0 skipped."))
        }
    }

    @Test("a stale plan names what changed by address, as the plan prints it: changed, gone and new objects")
    func staleByAddress() async throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        var estate = Fixtures.demoEstate
        try estate.apply(.createGroup(name: "Ops"))
        try estate.apply(.createLocation(name: "Madrid", parentID: nil))
        try estate.apply(.createLocation(name: "Floor 2", parentID: 1))
        let manifest = scratch.appendingPathComponent("estate.yaml")
        try Data(
            """
            groups:
              - name: Ops
                members: [alice]
            locations:
              - name: Madrid
                children:
                  - name: Floor 2
                    members: [bob]

            """.utf8
        ).write(to: manifest)
        let planFile = scratch.appendingPathComponent("estate.plan").path
        try await withLiveSimulator(estate: estate) { simulator in
            let (saved, _) = try await PlanCommandTests.plan([manifest.path], url: simulator.url, detailed: true, out: planFile)
            #expect(saved == 2)
            let changed = try await simulator.store.estate
                .applying(.deleteGroup(id: 1)).applying(.createGroup(name: "Ops 2")).applying(.addMembers(.location(2), users: [3]))
            try await simulator.store.replace(with: changed)
            let (stale, refusal) = try await Self.apply([planFile], url: simulator.url, scratch: scratch)
            #expect(stale == 1)
            #expect(
                refusal.errorOutput == """
                    deskform: error: stale plan: the instance changed since the plan was made (group["Ops 2"] is new, group["Ops"] is gone, \
                    location["Madrid/Floor 2"] changed). Run plan again.

                    """)
            #expect(await simulator.store.estate == changed)
        }
    }

    @Test("a saved plan given with manifest paths is refused before anything is read")
    func savedPlanWithManifests() async throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let planFile = scratch.appendingPathComponent("acme.plan").path
        try await withLiveSimulator { simulator in
            let (saved, _) = try await PlanCommandTests.plan(
                [Golden.path("examples/acme")], url: simulator.url, detailed: true, out: planFile)
            #expect(saved == 2)
            let before = await simulator.store.estate
            let (code, output) = try await Self.apply([planFile, Golden.path("examples/acme")], url: simulator.url, scratch: scratch)
            #expect(code == 1)
            #expect(output.output == "")
            #expect(
                output.errorOutput == """
                    deskform: error: apply takes manifests or one saved plan, not both: \(planFile) is not a *.yaml or *.yml file
                      hint: apply a saved plan alone (deskform apply \(planFile)), or give only manifest files and directories

                    """)
            #expect(await simulator.store.estate == before)
        }
    }

    @Test("a plan file of another format version is named as such")
    func otherFormatVersion() async throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let old = scratch.appendingPathComponent("old.plan").path
        try Data(#"{"format_version": 1, "fingerprint": {"objects": {}}}"#.utf8).write(to: URL(fileURLWithPath: old))
        let notAPlan = scratch.appendingPathComponent("notes.txt").path
        try Data("hello".utf8).write(to: URL(fileURLWithPath: notAPlan))
        let (code, output) = try await Self.apply([old], url: "http://127.0.0.1:9", scratch: scratch)
        #expect(code == 1)
        #expect(output.errorOutput == "deskform: error: \(old) cannot be applied: it was written by an earlier deskform (plan file format 1; this one reads 4): make the plan again with this deskform (`deskform plan --out`) and apply that.\n")
        let (other, refusal) = try await Self.apply([notAPlan], url: "http://127.0.0.1:9", scratch: scratch)
        #expect(other == 1)
        #expect(refusal.errorOutput == "deskform: error: \(notAPlan) cannot be applied: it is not a deskform plan file.\n")
        // A plan file that cannot be read says why, as the system words it.
        #expect(throws: PlanFileError.unreadable(path: scratch.path, why: "it cannot be read (is a directory)")) {
            try PlanFile.read(from: scratch.path)
        }
    }

    @Test("a manifest named *.YAML is applied as a manifest, not read as a saved plan")
    func upperCaseExtension() async throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let manifest = scratch.appendingPathComponent("Acme.YAML")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: Golden.path("examples/acme/acme.yaml")), to: manifest)
        try await withLiveSimulator { simulator in
            let (code, output) = try await Self.apply([manifest.path], url: simulator.url, scratch: scratch)
            #expect(code == 0, "\(output.errorOutput)")
            #expect(output.output.contains("Apply complete: 18 applied, 0 failed, 0 skipped."))
            #expect(await simulator.store.estate.companies.values.map(\.name) == ["Acme Corp"])
        }
    }

    @Test("paths that hold no manifest are an error before anything is read")
    func noManifests() async throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let empty = scratch.appendingPathComponent("manifests")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let (code, output) = try await Self.apply([empty.path], url: "http://127.0.0.1:9", scratch: scratch)
        #expect(code == 1)
        #expect(output.output == "")
        #expect(
            output.errorOutput == """
                deskform: error: no manifests found in \(empty.path)
                  hint: deskform reads *.yaml and *.yml files (in any case), searching directories recursively and skipping hidden ones
                1 error, 0 warnings; nothing was read or applied.

                """)
    }

    @Test("a disabled user is a warning shown by apply, from manifests and from a saved plan")
    func disabledUserWarning() async throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let manifest = scratch.appendingPathComponent("group.yaml")
        try Data("groups:\n  - name: Night Shift\n    members: [oscar]\n".utf8).write(to: manifest)
        let planFile = scratch.appendingPathComponent("group.plan").path
        let warning = "warning: \(manifest.path):3:15: user 'oscar' is disabled\nPlan: 1 to add, 0 to change, 0 to destroy.\n"
        try await withLiveSimulator { simulator in
            let (direct, output) = try await Self.apply([manifest.path], url: simulator.url, scratch: scratch)
            #expect(direct == 0)
            #expect(output.output.contains(warning))
        }
        try await withLiveSimulator { simulator in
            let (saved, savedOutput) = try await PlanCommandTests.plan([manifest.path], url: simulator.url, detailed: true, out: planFile)
            #expect(saved == 2)
            #expect(savedOutput.output.contains(warning))
            let (fromFile, output) = try await Self.apply([planFile], url: simulator.url, scratch: scratch)
            #expect(fromFile == 0)
            #expect(output.output.contains(warning))
        }
    }

    @Test("an apply cancelled midway leaves a state the next apply converges from")
    func cancelledThenResumed() async throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let path = Golden.path("examples/msp")
        try await withLiveSimulator(options: SimulatorOptions(latency: .milliseconds(20))) { simulator in
            let url = simulator.url
            let (console, output) = Console.recording()
            let settings = ApplyCommand.Settings(paths: [path], journalDirectory: scratch.appendingPathComponent("journal").path)
            let target = try TargetOptions.parse(["--url", url])
            let first = Task {
                await ApplyCommand.apply(settings, target: target, environment: Self.credentials, approval: .automatic, console: console)
            }
            // Interrupt once a few steps are done, as Ctrl-C would.
            let deadline = ContinuousClock.now + .seconds(60)
            while !output.errorOutput.contains("applied 5/"), ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(5))
            }
            first.cancel()
            try #require(output.errorOutput.contains("applied 5/"), "\(output.errorOutput)")
            #expect(await first.value == 1)
            #expect(output.output.contains("not started (interrupted)"))
            let (resumed, _) = try await Self.apply([path], url: url, scratch: scratch)
            #expect(resumed == 0)
            let (again, _) = try await PlanCommandTests.plan([path], url: url, detailed: true)
            #expect(again == 0)
        }
    }

    @Test("journals go to DESKFORM_DIR/journal when it is set, .deskform/journal otherwise")
    func journalDirectory() {
        #expect(ApplyCommand.Settings.journalDirectory(["DESKFORM_DIR": "/srv/state"]) == "/srv/state/journal")
        #expect(ApplyCommand.Settings.journalDirectory([:]) == ".deskform/journal")
    }

    @Test("a journal that cannot be opened is a warning with its reason, saying the apply cannot be undone; the apply goes on")
    func journalUnavailable() async throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        // The journal's folder would be under a regular file.
        let file = scratch.appendingPathComponent("journal")
        try Data("not a folder\n".utf8).write(to: file)
        let manifest = scratch.appendingPathComponent("groups.yaml")
        try Data("groups:\n  - name: Journalless\n".utf8).write(to: manifest)
        try await withLiveSimulator { simulator in
            let settings = ApplyCommand.Settings(paths: [manifest.path], journalDirectory: file.appendingPathComponent("inner").path)
            let target = try TargetOptions.parse(["--url", simulator.url])
            let (code, recording) = await Console.run { console in
                await ApplyCommand.apply(settings, target: target, environment: Self.credentials, approval: .automatic, console: console)
            }
            #expect(code == 0)
            #expect(recording.output.contains("Apply complete: 1 applied, 0 failed, 0 skipped.\n"))
            let warnings = recording.errorOutput.split(separator: "\n").filter { $0.hasPrefix("deskform: warning:") }
            #expect(
                warnings == [
                    "deskform: warning: cannot create the journal folder \(file.path)/inner (not a directory); this apply cannot be undone with deskform undo."
                ])
        }
    }

    @Test("Ctrl-C (a real SIGINT) while apply runs: no new step starts, the report is printed, exit 130")
    func interruptedBySignal() async throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let binary = try DeskformBinary.url()
        try await withLiveSimulator(options: SimulatorOptions(latency: .milliseconds(200))) { simulator in
            let process = Process()
            process.executableURL = binary
            process.arguments = ["apply", Golden.path("examples/msp"), "--url", simulator.url, "--auto-approve"]
            process.environment = Self.credentials
            process.currentDirectoryURL = scratch
            let (output, errors) = (Pipe(), Pipe())
            process.standardOutput = output
            process.standardError = errors
            let printed = Mutex((out: "", err: ""))
            errors.fileHandleForReading.readabilityHandler = { handle in
                let data = handle.availableData
                printed.withLock { $0.err += String(decoding: data, as: UTF8.self) }
            }
            output.fileHandleForReading.readabilityHandler = { handle in
                let data = handle.availableData
                printed.withLock { $0.out += String(decoding: data, as: UTF8.self) }
            }
            try process.run()
            defer {
                if process.isRunning { kill(process.processIdentifier, SIGKILL) }
                errors.fileHandleForReading.readabilityHandler = nil
                output.fileHandleForReading.readabilityHandler = nil
            }
            let applying = ContinuousClock.now + .seconds(60)
            while !printed.withLock({ $0.err.contains("applied 2/") }), process.isRunning, ContinuousClock.now < applying {
                try await Task.sleep(for: .milliseconds(20))
            }
            try #require(process.isRunning, "deskform ended before it was interrupted: \(printed.withLock { $0.err })")
            let interrupted = ContinuousClock.now
            kill(process.processIdentifier, SIGINT)
            while process.isRunning, ContinuousClock.now - interrupted < .seconds(10) {
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(!process.isRunning)
            #expect(process.terminationStatus == 130)
            output.fileHandleForReading.readabilityHandler = nil
            let rest = output.fileHandleForReading.readDataToEndOfFile()
            let stdout = printed.withLock { $0.out } + String(decoding: rest, as: UTF8.self)
            // Said by apply as it stopped: the 3 s fallback would have ended it before the report.
            #expect(stdout.contains(/Apply incomplete: \d+ applied, 0 failed, 0 skipped, \d+ not started \(interrupted\)\.\n/), "\(stdout)")
        }
    }
}
