import EstateModel
import InvGateWire
import Manifest
import Planner
import Reconciler

/// Why a command stops, in the cases the commands find themselves (the library's errors word their own):
/// each worded once, as what happened and a hint saying what to do.
enum CommandError: CommandFailure {
    /// `apply PLANFILE` with `--target` or `--exclude`.
    case savedPlanKeepsTargets(path: String)
    /// `apply PLANFILE` of a file that does not exist.
    case noSuchPlanFile(path: String)
    /// `apply` given a file that is not a manifest among other paths.
    case planAmongManifests(path: String)
    /// More deletions than `policy.max_deletes`, without `--allow-deletes` or `--hold-deletes` (exit 3).
    case tooManyDeletions(Int, maxDeletes: Int)
    /// `apply` without `--auto-approve` and no terminal to ask on.
    case noTerminalToApprove
    /// A step of an apply the API refused (or whose effect could not be confirmed): reported as it
    /// fails, while the apply carries on with the steps that do not depend on it.
    case stepFailed(number: Int, call: String, ApplyError)
    /// A plan's calls need OAuth2 write scopes the instance did not grant.
    case writeScopesRefused(InvGateError)
    /// `--target`s and `--exclude`s that match nothing; `notDone` is the closing line.
    case unmatchedTargets([UnmatchedTarget], notDone: String)
    /// Ctrl-C while the instance was read (exit 130).
    case interruptedReading(InvGateError)
    /// `undo` of a journal of another instance.
    case journalOfAnotherInstance(journal: String, recorded: String, current: String)
    /// `undo` of objects someone else changed after the apply, without `--force`.
    case undoConflicts([Undo.Conflict])
    /// The way back breaks a rule of the apply's manifests (`protect`, most often).
    case noUndoPlan(PlanFailure)
    /// `export` whose files would not plan back to the instance: a bug of deskform's.
    case exportWouldDiffer([String])
    /// `plan --all-envs` without a project file.
    case noProjectForAllEnvironments
    /// `show` of a saved plan written in a format this release does not read (`PlanFileError.otherFormat`).
    case planOfOtherFormat(path: String, PlanFileError)
    /// `show` of a path that does not exist.
    case noSuchFile(path: String)
    /// `show` of a file that is neither a saved plan nor a journal.
    case neitherPlanNorJournal(path: String)

    var status: ExitStatus {
        switch self {
        case .tooManyDeletions: .refusedByPolicy
        case .interruptedReading: .interrupted
        default: .failure
        }
    }

    var diagnostics: [Diagnostic] {
        switch self {
        case .savedPlanKeepsTargets(let path):
            [
                .error(
                    at: .deskform, "a saved plan keeps the targets it was planned with; --target and --exclude cannot change them.",
                    hint: "apply it as it is (deskform apply \(path)), or plan again with the targets you want and --out.")
            ]
        case .noSuchPlanFile(let path):
            [
                .error(
                    at: .deskform, "there is no file \(path); nothing was read or applied.",
                    hint: "apply a plan saved by `deskform plan --out FILE`, or give manifest files and directories (*.yaml, *.yml)")
            ]
        case .planAmongManifests(let path):
            [
                .error(
                    at: .deskform, "apply takes manifests or one saved plan, not both: \(path) is not a *.yaml or *.yml file",
                    hint: "apply a saved plan alone (deskform apply \(path)), or give only manifest files and directories")
            ]
        case .tooManyDeletions(let deletions, let maxDeletes):
            [
                .error(
                    at: .deskform,
                    "apply refused: the plan destroys \(deletions.counted("object")), more than policy.max_deletes (\(maxDeletes)); nothing was changed.",
                    hint: "run with --allow-deletes to allow them, or --hold-deletes to apply everything else.")
            ]
        case .stepFailed(let number, let call, let error):
            [.error(at: .deskform, "step \(number) \(call): \(error)")]
        case .noTerminalToApprove:
            [.error(at: .deskform, "apply needs approval and there is no terminal to ask on; run it with --auto-approve.")]
        case .writeScopesRefused(let error):
            if case .authentication = error.reason {
                [
                    .error(
                        at: .deskform, "\(error); nothing was changed.",
                        hint: "grant the OAuth client the scopes that deskform scopes --write lists, or set INVGATE_SCOPES to the scopes it has")
                ]
            } else {
                [.error(at: .deskform, "\(error); nothing was changed.")]
            }
        case .unmatchedTargets(let unmatched, _):
            unmatched.map(\.diagnostic)
        case .interruptedReading(let error):
            [
                .error(
                    at: .deskform,
                    "interrupted while reading the instance (\(error.method.rawValue) \(error.endpoint.rawValue)); nothing was changed")
            ]
        case .journalOfAnotherInstance(let journal, let recorded, let current):
            [
                .error(
                    at: .deskform, "\(journal) records an apply to \(recorded), not \(current); nothing was undone.",
                    hint: UndoCommand.hint(forTarget: recorded))
            ]
        case .undoConflicts(let conflicts):
            [
                Diagnostic.error(
                    at: .deskform,
                    "undo refused: \(conflicts.count) object\(conflicts.count == 1 ? " was" : "s were") changed by someone else after the apply; nothing was undone.",
                    details: conflicts.map(\.description),
                    hint: "check those changes; run with --force to return them to the state before the apply anyway.")
            ]
        case .noUndoPlan(let failure):
            failure.errors.map { .error(at: .deskform, "\($0)") }
        case .exportWouldDiffer(let problems):
            [
                Diagnostic.error(
                    at: .deskform,
                    "the export would not reproduce the instance, so nothing was written (this is a deskform bug: please report it):",
                    details: problems)
            ]
        case .noProjectForAllEnvironments:
            [
                .error(
                    at: .deskform,
                    "--all-envs plans the environments of \(Project.fileName), and there is none in the current directory; run from the repository's root (or name its folder with --project DIR), or plan without --all-envs."
                )
            ]
        case .planOfOtherFormat(let path, let error):
            [.error(at: .deskform, "\(path) cannot be shown: \(error.writtenBy): show it with the deskform that saved it, or plan again.")]
        case .noSuchFile(let path):
            [.error(at: .deskform, "there is no file \(path); nothing was shown.")]
        case .neitherPlanNorJournal(let path):
            [
                .error(
                    at: .deskform, "\(path) is neither a saved plan nor a journal; nothing was shown.",
                    hint: "give a file written by `deskform plan --out FILE` or one under .deskform/journal.")
            ]
        }
    }

    var conclusion: String? {
        switch self {
        case .unmatchedTargets(_, let notDone): notDone
        case .noUndoPlan: "No undo plan could be made: nothing was undone."
        default: nil
        }
    }
}
