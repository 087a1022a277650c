import ArgumentParser
import EstateModel
import Foundation
import Manifest
import Planner
import Reconciler

/// `deskform undo JOURNAL`: plans the way back from one apply to the state it read before its first
/// write, for the objects it touched only, and shows, asks and applies it as `apply` does.
/// Exit 0 undone or nothing to undo, 1 error or conflicts, 3 refused by policy.
package struct UndoCommand: AsyncParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "Return what one apply touched to the state it read before (from its journal).",
        discussion: """
            Reads the instance, plans for the objects that apply touched the way back to the state its journal \
            recorded before the first write (objects it created are deleted, objects it deleted are created again \
            with new ids), and shows the plan like plan, asks like apply, and obeys policy.max_deletes and \
            --hold-deletes, and the protect flags of the manifests that apply ran with. An object someone else changed since \
            the apply is a conflict: undo refuses unless --force. --target and --exclude limit undo to some of the objects.

            """ + Deskform.exitCodes(changes: "not used by undo", refused: "refused by policy (more deletions than policy.max_deletes): nothing was changed")
    )

    @Argument(help: "The journal of the apply to undo (.deskform/journal/<time>.jsonl).")
    package var journal: String

    @Flag(help: "Apply without asking for approval.")
    package var autoApprove = false

    @Flag(help: "Allow more deletions than policy.max_deletes.")
    package var allowDeletes = false

    @Flag(help: "Undo everything but deletions and replaces, and report those held back.")
    package var holdDeletes = false

    @Option(help: "Save the undo plan to this file for review, for `deskform apply FILE`, instead of applying it.")
    package var out: String?

    @Flag(help: "Undo even objects someone else changed after the apply, overwriting those changes.")
    package var force = false

    @OptionGroup package var targeting: TargetingOptions

    @OptionGroup package var target: TargetOptions

    package init() {}

    package func validate() throws {
        if allowDeletes, holdDeletes { throw ApplyCommand.deletionsTwice }
    }

    package func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let approval = ApplyCommand.Approval.forTerminal(autoApprove: autoApprove)
        let settings = ApplyCommand.Settings(
            paths: [], allowDeletes: allowDeletes, holdDeletes: holdDeletes,
            journalDirectory: ApplyCommand.Settings.journalDirectory(environment))
        let colour = DiagnosticRenderer.wantsColour(fileDescriptor: 1, environment: environment)
        let code = await Self.undo(
            journal, settings: settings, out: out, force: force, targeting: targeting.targeting, target: target, environment: environment,
            approval: approval, console: .standard(whenOutputCloses: .carryOn), colour: colour)
        if code != 0 { throw ExitCode(code) }
    }

    /// How to reach the instance a journal records: a URL, or the local instance's folder.
    static func hint(forTarget recorded: String) -> String {
        let prefix = "local instance ("
        guard recorded.hasPrefix(prefix), recorded.hasSuffix("/local-instance.json)") else {
            return "undo it against the instance it was applied to (--url or INVGATE_URL)."
        }
        let folder = (String(recorded.dropFirst(prefix.count).dropLast()) as NSString).deletingLastPathComponent
        return "that apply used the embedded local instance in \(folder): run undo from the folder it ran in, "
            + "or set DESKFORM_DIR=\(folder), without --url or INVGATE_URL."
    }

    /// Plans the undo of the apply that wrote `path` and carries it out (or saves it to `out`); returns the exit code.
    package static func undo(
        _ path: String, settings: ApplyCommand.Settings, out: String? = nil, force: Bool = false, targeting: Targeting = .everything,
        target options: TargetOptions,
        environment: [String: String], approval: ApplyCommand.Approval, console: Console, colour: Bool = false
    ) async -> Int32 {
        await console.run(renderer: DiagnosticRenderer(colour: colour)) {
            let undo: Undo
            do {
                undo = try Undo(try JournalFile.read(from: path))
                if let out { try PlanFile.checkWritable(out) }
            } catch {
                throw Stopped(Console.failure(error), "nothing was undone")
            }
            let unmatched = UnmatchedTarget.find(in: targeting, among: Array(undo.addresses), searched: "that this apply touched")
            guard unmatched.isEmpty else { throw CommandError.unmatchedTargets(unmatched, notDone: "Nothing was undone.") }
            var pipeline = Pipeline(options: options, environment: environment, console: console, colour: colour)
            pipeline.scopes = undo.scope.readScopes
            try await pipeline.connect { connection in
                guard undo.before.target == connection.identity else {
                    throw CommandError.journalOfAnotherInstance(journal: path, recorded: undo.before.target, current: connection.identity)
                }
                let live = try await connection.read(undo.scope)
                let conflicts = try undo.conflicts(live: live).filter { targeting.selects($0.address) }
                if !conflicts.isEmpty {
                    guard force else { throw CommandError.undoConflicts(conflicts) }
                    console.warn(
                        "--force: undoing \(conflicts.count.counted("object")) changed after the apply:", details: conflicts.map(\.description))
                }
                let plan: Plan
                do throws(PlanFailure) {
                    plan = try undo.plan(live: live, targeting: targeting)
                } catch {
                    throw CommandError.noUndoPlan(error)
                }
                guard !plan.isEmpty else {
                    console.out("Nothing left to undo: every object that apply touched is as it was before it (\(path)).\n")
                    return
                }
                console.out("Undo of \(path): the way back to the state read before that apply, for the objects it touched.\n\n")
                if let out {
                    console.out(plan.text(style: PlanStyle(colour: colour)))
                    try PlanFile(target: connection.identity, scope: undo.scope, live: live, plan: plan).write(to: out)
                    console.err("Saved the undo plan to \(out); apply exactly it with: deskform apply \(out)\n")
                    return
                }
                try await ApplyCommand.carryOut(
                    plan, style: PlanStyle(colour: colour), settings, approval: approval, on: connection, live: live, console: console)
            }
        }
    }
}
