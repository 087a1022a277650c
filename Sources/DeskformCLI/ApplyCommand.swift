import ArgumentParser
import EstateModel
import Foundation
import InvGateWire
import Manifest
import Planner
import Reconciler

/// `deskform apply [PATHS…]` plans and, once approved, carries the plan out; `deskform apply PLANFILE`
/// carries out a plan saved by `plan --out`, after checking that nothing it read has changed.
/// Exit 0 applied or nothing to do, 1 error or a step failed, 3 refused by policy.
package struct ApplyCommand: AsyncParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Make the instance match the manifests (or carry out a saved plan).",
        discussion: """
            Shows the plan and asks for 'yes' on a terminal; without one, --auto-approve is required. More \
            deletions than policy.max_deletes (default 10) are refused unless --allow-deletes; --hold-deletes \
            applies everything else and reports the deletions held back. Each apply appends its steps to \
            .deskform/journal/<time>.jsonl ($DESKFORM_DIR/journal when set).

            """ + Deskform.exitCodes(changes: "not used by apply", refused: "refused by policy (more deletions than policy.max_deletes): nothing was changed")
    )

    @Argument(help: "Manifest files or directories, or one plan file saved by `deskform plan --out FILE`.")
    package var paths: [String] = []

    @Flag(help: "Apply without asking for approval.")
    package var autoApprove = false

    @Flag(help: "Allow more deletions and replaces than policy.max_deletes.")
    package var allowDeletes = false

    @Flag(help: "Apply everything but deletions and replaces, and report those held back.")
    package var holdDeletes = false

    @OptionGroup package var selection: TargetingOptions

    @OptionGroup package var target: TargetOptions

    package init() {}

    package func validate() throws {
        if allowDeletes, holdDeletes { throw ApplyCommand.deletionsTwice }
    }

    /// `--allow-deletes` with `--hold-deletes`: one says carry the deletions out, the other hold them back.
    static let deletionsTwice = ValidationError(
        "--allow-deletes carries the deletions out and --hold-deletes holds them back; choose one.")

    /// How approval is given.
    package enum Approval: Sendable {
        /// `--auto-approve`, or a saved plan.
        case automatic
        /// Ask on the terminal; the closure reads the answer.
        case prompt(@Sendable () -> String?)
        /// No terminal to ask on.
        case unavailable

        /// `--auto-approve`, else a question on standard input when it is a terminal, else none to be had.
        package static func forTerminal(autoApprove: Bool) -> Approval {
            autoApprove ? .automatic : (isatty(0) == 1 ? .prompt({ readLine() }) : .unavailable)
        }
    }

    package struct Settings: Sendable {
        package var paths: [String]
        package var allowDeletes: Bool
        package var holdDeletes: Bool
        package var journalDirectory: String
        /// `--target` and `--exclude`.
        package var targeting: Targeting

        package init(
            paths: [String], allowDeletes: Bool = false, holdDeletes: Bool = false, journalDirectory: String = ".deskform/journal",
            targeting: Targeting = .everything
        ) {
            self.paths = paths
            self.targeting = targeting
            self.allowDeletes = allowDeletes
            self.holdDeletes = holdDeletes
            self.journalDirectory = journalDirectory
        }

        /// Where applies write their journals: `journal` in the local folder, `DESKFORM_DIR` or `.deskform`.
        package static func journalDirectory(_ environment: [String: String]) -> String {
            (environment["DESKFORM_DIR"] ?? ".deskform") + "/journal"
        }
    }

    package func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let settings = Settings(
            paths: paths, allowDeletes: allowDeletes, holdDeletes: holdDeletes,
            journalDirectory: Settings.journalDirectory(environment), targeting: selection.targeting)
        let colour = DiagnosticRenderer.wantsColour(fileDescriptor: 1, environment: environment)
        // Ctrl-C cancels this task (Main): no new step starts, the running ones finish and the report is printed.
        let code = await Self.apply(
            settings, target: target, environment: environment, approval: .forTerminal(autoApprove: autoApprove),
            console: .standard(whenOutputCloses: .carryOn),
            colour: colour)
        if code != 0 { throw ExitCode(code) }
    }

    /// Applies and reports on `console`; returns the exit code.
    package static func apply(
        _ settings: Settings, target options: TargetOptions, environment: [String: String], approval: Approval,
        console: Console, colour: Bool = false
    ) async -> Int32 {
        await console.run(renderer: DiagnosticRenderer(colour: colour)) {
            let pipeline = Pipeline(options: options, environment: environment, console: console, colour: colour)
            let style = PlanStyle(colour: colour)
            if settings.paths.count == 1, let path = settings.paths.first, isPlanFile(path) {
                guard settings.targeting.isEverything else { throw CommandError.savedPlanKeepsTargets(path: path) }
                // A saved plan is carried out as it was shown when it was saved: no question asked.
                try await pipeline.savedPlan(at: path) { connection, plan, live in
                    try await carryOut(plan, style: style, settings, approval: .automatic, on: connection, live: live, console: console)
                }
                return
            }
            if settings.paths.count == 1, let path = settings.paths.first, isMissingPlanFile(path) {
                throw CommandError.noSuchPlanFile(path: path)
            }
            if settings.paths.count > 1, let path = settings.paths.first(where: isPlanFile) {
                throw CommandError.planAmongManifests(path: path)
            }
            try await pipeline.reconcile(settings.paths, for: .apply, targeting: settings.targeting) { connection, reconciliation in
                try await carryOut(
                    reconciliation.plan, style: style, settings, approval: approval, on: connection, live: reconciliation.live,
                    console: console)
            }
        }
    }

    /// Shows the plan, then does what its ``ApplyDecision`` says: nothing, refuse (exit 3), or ask and apply.
    /// `live` is the estate the plan was made against: the journal records it before the first write.
    static func carryOut(
        _ plan: Plan, style: PlanStyle, _ settings: Settings, approval: Approval, on connection: Pipeline.Connection, live: Estate,
        console: Console
    ) async throws {
        console.out(plan.text(style: style))
        let decision = plan.decision(allowDeletes: settings.allowDeletes, holdDeletes: settings.holdDeletes)
        if decision.needsApproval { try approve(approval, url: connection.identity, console: console) }
        switch decision {
        case .nothingToApply:
            console.out("Nothing to apply.\n")
        case .refused:
            throw CommandError.tooManyDeletions(plan.deletions, maxDeletes: plan.maxDeletes)
        case .everythingHeld(let held):
            console.out("Nothing to apply: --hold-deletes holds back every change of this plan: \(list(held)).\n")
        case .apply(let approved, let held):
            try await execute(approved, held: held, settings: settings, on: connection, live: live, console: console)
        }
    }

    /// Returns when the plan may be applied: `approval` given, or asked for and answered `yes`.
    static func approve(_ approval: Approval, url: String, console: Console) throws {
        switch approval {
        case .automatic:
            return
        case .unavailable:
            throw CommandError.noTerminalToApprove
        case .prompt(let read):
            console.out("\nDo you want to perform these actions on \(url)? Only 'yes' will be accepted to approve.\n  Enter a value: ")
            guard read()?.trimmingCharacters(in: .whitespaces) == "yes" else {
                // Said where the question was asked.
                console.out("\nApply cancelled: nothing was changed.\n")
                throw Stop(.failure)
            }
        }
    }

    /// Changes by their addresses, as the plan names them.
    static func list(_ changes: [Change]) -> String {
        changes.map(\.address.description).joined(separator: ", ")
    }

    /// Carries out the approved plan with progress on standard error, and reports how it went; an apply
    /// that did not complete fails once its report is printed (its failed steps were reported as they failed).
    static func execute(
        _ plan: Plan, held: [Change], settings: Settings, on connection: Pipeline.Connection, live: Estate, console: Console
    ) async throws {
        do throws(InvGateError) {
            try await connection.requestWriteScopes(of: plan)
        } catch {
            throw CommandError.writeScopesRefused(error)
        }
        // A journal in .deskform/ gets the folder's .gitignore first, so it is never committed by accident.
        let home = (settings.journalDirectory as NSString).deletingLastPathComponent
        if (home as NSString).lastPathComponent == ".deskform" { try? Target.prepare(home) }
        var journal: Journal?
        do throws(Target.Errno) {
            // Made here first, for the system's reason when it cannot be.
            try Target.makeFolder(settings.journalDirectory)
            do {
                journal = try Journal(directory: settings.journalDirectory)
            } catch {
                console.warn("\(error); this apply cannot be undone with deskform undo.")
            }
        } catch {
            console.warn(
                "cannot create the journal folder \(settings.journalDirectory) (\(error.words)); this apply cannot be undone with deskform undo.")
        }
        do {
            try await journal?.record(StateBeforeApply(target: connection.identity, plan: plan, state: live))
        } catch {
            console.warn("\(error); this apply can be carried out but not undone with deskform undo.")
        }
        let executor = PlanExecutor(
            client: connection.client, parallelism: connection.parallelism, journal: journal, logger: connection.logger)
        let labels = StepLabels(plan)
        let report = await executor.execute(plan) { progress in
            let step = progress.result.step
            let call = step.operation.wireCall
            let line =
                "\(progress.result.outcome.journal.rawValue) \(progress.finished)/\(progress.total): \(call.method.rawValue) \(call.endpoint.rawValue) (\(step.object))"
            if console.isTerminal {
                console.err("\r\u{1B}[K" + line + (progress.finished == progress.total ? "\n" : ""))
            } else {
                console.err(line + "\n")
            }
            if case .failed(let error) = progress.result.outcome {
                console.report(CommandError.stepFailed(number: step.id + 1, call: Plan.display(labels.parameters(of: step)), error))
            }
        }
        await journal?.close()
        var summary =
            "Apply \(report.isComplete ? "complete" : "incomplete"): \(report.applied.count) applied, \(report.failed.count) failed, \(report.skipped.count) skipped"
        if !report.notStarted.isEmpty { summary += ", \(report.notStarted.count) not started (interrupted)" }
        console.out(summary + ".\n")
        if !held.isEmpty {
            console.out("Held back (--hold-deletes): \(list(held)).\n")
        }
        if let journal { console.err("Journal: \(journal.path)\n") }
        if let limit = connection.concurrency {
            let reached = await limit.reached
            console.err("Concurrency: up to \(reached) requests at once (--parallelism auto, at most \(limit.maximum)).\n")
        }
        if let rate = connection.rate { console.err("Rate: \(rate).\n") }
        if !report.isComplete {
            console.out("Run plan or apply again: the next run converges from where this one stopped.\n")
            throw Stop(.failure)
        }
    }

    /// A path that does not exist and, by its extension (`plan.json`), was meant as a saved plan.
    static func isMissingPlanFile(_ path: String) -> Bool {
        !(path as NSString).pathExtension.isEmpty && !ManifestLoader.isManifestPath(path) && !FileManager.default.fileExists(atPath: path)
    }

    /// A file that is not named as a manifest (`*.yaml`, `*.yml`, in any case) is a saved plan; given
    /// with other paths, it is refused rather than skipped.
    static func isPlanFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { return false }
        return !ManifestLoader.isManifestPath(path)
    }
}
