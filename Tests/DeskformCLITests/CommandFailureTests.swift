import Foundation
import EstateModel
import InvGateAPI
import InvGateWire
import Manifest
import Planner
import Reconciler
import Testing

@testable import DeskformCLI

/// The funnel: every error a command ends with is a `CommandFailure`, rendered by one renderer
/// (`deskform: error: …` and its hint, or `file:line:column: error: …`), its exit code from its type.
@Suite("command failures")
struct CommandFailureTests {
    static let interrupted = InvGateError(.groups, .get, .cancelled)
    static let forbidden = InvGateError(.groups, .get, .status(403, error: nil, info: nil))

    @Test("each failure a command finds itself reads what happened and what to do, with its hint on a line of its own")
    func rendering() throws {
        let opps = try AddressPattern(parsing: #"group["Opps"]"#)
        let unmatched = UnmatchedTarget.find(
            in: Targeting(targets: [opps], excludes: [try AddressPattern(parsing: "locations")]),
            among: [Address(.group, "Ops"), Address(.group, "Service Desk")])
        let cases: [(CommandError, String)] = [
            (
                .savedPlanKeepsTargets(path: "plan.json"),
                """
                deskform: error: a saved plan keeps the targets it was planned with; --target and --exclude cannot change them.
                  hint: apply it as it is (deskform apply plan.json), or plan again with the targets you want and --out.

                """
            ),
            (
                .tooManyDeletions(12, maxDeletes: 10),
                """
                deskform: error: apply refused: the plan destroys 12 objects, more than policy.max_deletes (10); nothing was changed.
                  hint: run with --allow-deletes to allow them, or --hold-deletes to apply everything else.

                """
            ),
            (
                .unmatchedTargets(unmatched, notDone: Pipeline.unmatchedAdvice("Nothing was planned")),
                """
                deskform: error: --target group["Opps"] matches nothing in the manifests or on the instance
                  hint: did you mean group["Ops"]?
                deskform: error: --exclude locations matches nothing in the manifests or on the instance
                Nothing was planned: write the address as the plan prints it (kind["name"], * and ? inside the quotes) or a kind alone.

                """
            ),
            (
                .interruptedReading(Self.interrupted),
                "deskform: error: interrupted while reading the instance (GET groups); nothing was changed\n"
            ),
            (
                .writeScopesRefused(InvGateError(.groups, .post, .authentication("invalid_scope"))),
                """
                deskform: error: POST groups: authentication failed: invalid_scope; nothing was changed.
                  hint: grant the OAuth client the scopes that deskform scopes --write lists, or set INVGATE_SCOPES to the scopes it has

                """
            ),
            (
                .exportWouldDiffer(["group[\"Ops\"]: members differ"]),
                """
                deskform: error: the export would not reproduce the instance, so nothing was written (this is a deskform bug: please report it):
                  group["Ops"]: members differ

                """
            ),
            (
                .noUndoPlan(PlanFailure([.protected(Address(.group, "Keep"), why: "the way back deletes it")])),
                """
                deskform: error: group["Keep"] is protected, but the way back deletes it.
                No undo plan could be made: nothing was undone.

                """
            ),
            (
                .journalOfAnotherInstance(journal: "j.jsonl", recorded: "https://a.example", current: "https://b.example"),
                """
                deskform: error: j.jsonl records an apply to https://a.example, not https://b.example; nothing was undone.
                  hint: undo it against the instance it was applied to (--url or INVGATE_URL).

                """
            ),
            (
                .neitherPlanNorJournal(path: "notes.txt"),
                """
                deskform: error: notes.txt is neither a saved plan nor a journal; nothing was shown.
                  hint: give a file written by `deskform plan --out FILE` or one under .deskform/journal.

                """
            ),
        ]
        for (failure, text) in cases {
            #expect(failure.rendered() == text)
        }
    }

    @Test("the rest of the CLI's failures: a failed step, export's folder, the project file, --all-envs without one")
    func otherRendering() {
        let refused = ApplyError.api(InvGateError(.groups, .post, .status(409, error: "the name is taken", info: nil)))
        #expect(
            CommandError.stepFailed(number: 3, call: #"POST groups name="Ops""#, refused).rendered()
                == "deskform: error: step 3 POST groups name=\"Ops\": \(refused)\n")
        #expect(
            ExportDirectory.Failure.notEmpty("out").rendered() == """
                deskform: error: out is not empty; export writes only into a new or empty directory
                  hint: choose another --out, or pass --force to overwrite (manifests of an earlier export there are replaced)

                """)
        #expect(
            ExportDirectory.Failure.notADirectory("out").rendered() == """
                deskform: error: out exists and is not a directory
                  hint: choose another --out: a new or empty directory

                """)
        #expect(
            EnvironmentChoice.InvalidProject(
                path: "deskform.yaml", found: [.error(at: .init(file: "deskform.yaml", line: 3, column: 5), "unknown key 'pahts'")]
            ).rendered() == """
                deskform.yaml:3:5: error: unknown key 'pahts'
                deskform: error: deskform.yaml has 1 error (listed above); fix it and run again.

                """)
        #expect(
            CommandError.noProjectForAllEnvironments.rendered()
                == "deskform: error: --all-envs plans the environments of deskform.yaml, and there is none in the current directory; run from the repository's root (or name its folder with --project DIR), or plan without --all-envs.\n"
        )
        #expect(Stop(.changesPresent).rendered().isEmpty)
    }

    @Test("the exit code comes from the failure's type: 1, 2 for changes, 3 for a policy refusal, 130 for Ctrl-C")
    func exitCodes() {
        #expect(CommandError.tooManyDeletions(3, maxDeletes: 2).status == .refusedByPolicy)
        #expect(CommandError.interruptedReading(Self.interrupted).status == .interrupted)
        #expect(CommandError.noTerminalToApprove.status == .failure)
        #expect(Stop(.changesPresent).status.rawValue == 2)
        #expect(Self.interrupted.status == .interrupted)
        #expect(Self.forbidden.status == .failure)
        let contact = ContactFailure(url: "https://a.example", urlSource: "--url", credentials: .none, reason: .api(Self.interrupted))
        #expect(contact.status == .interrupted)
        #expect(LocalInstanceLock.Interrupted(statePath: "s.json").status == .interrupted)
        #expect(Stopped(CommandError.tooManyDeletions(3, maxDeletes: 2), "nothing was undone").status == .refusedByPolicy)
        #expect(ExitStatus.allCases.map(\.rawValue) == [0, 1, 2, 3, 64, 130, 141])
    }

    @Test("the funnel renders what a command throws on standard error and returns its code; success writes nothing")
    func funnel() async {
        let (refused, refusal) = await Console.run { console in
            console.run { throw CommandError.tooManyDeletions(1, maxDeletes: 0) }
        }
        #expect(refused == 3)
        #expect(refusal.output.isEmpty)
        #expect(refusal.errorOutput == CommandError.tooManyDeletions(1, maxDeletes: 0).rendered())

        let (done, quiet) = await Console.run { console in console.run {} }
        #expect(done == 0)
        #expect(quiet.errorOutput.isEmpty)

        // A library error says its own sentence; the consequence is added to it.
        let (stopped, stoppedText) = await Console.run { console in
            console.run { throw Stopped(Self.forbidden, "nothing was undone") }
        }
        #expect(stopped == 1)
        #expect(stoppedText.errorOutput == "deskform: error: \(Self.forbidden); nothing was undone.\n")

        // An error no command expected still reads as one sentence, exit 1.
        struct Unexpected: Error, CustomStringConvertible {
            var description: String { "the disk is on fire" }
        }
        let (unexpected, unexpectedText) = await Console.run { console in console.run { throw Unexpected() } }
        #expect(unexpected == 1)
        #expect(unexpectedText.errorOutput == "deskform: error: the disk is on fire\n")
    }

    @Test("errors in files are listed by position, then counted with what was not done")
    func fileProblems() {
        let problems = FileProblems(
            [
                .error(at: .init(file: "b.yaml", line: 2, column: 3), "unknown key 'membres'", hint: "did you mean 'members'?"),
                .warning(at: .init(file: "a.yaml", line: 9, column: 1), "an empty list"),
            ], in: "deskform.yaml", "nothing was read")
        #expect(
            problems.rendered() == """
                a.yaml:9:1: warning: an empty list
                b.yaml:2:3: error: unknown key 'membres'
                  hint: did you mean 'members'?
                1 error, 1 warning in deskform.yaml; nothing was read.

                """)
    }

    @Test("no command formats an error or a warning by hand: the Sources hold no \"deskform: error: string")
    func noHandFormattedErrors() throws {
        let sources = URL(fileURLWithPath: Golden.path("Sources"))
        let files = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        var found: [String] = []
        var read = 0
        for case let file as URL in files where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            read += 1
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where line.contains("\"deskform: error") || line.contains("\"deskform: warning") {
                found.append("\(file.lastPathComponent):\(number + 1)")
            }
        }
        #expect(read > 100)
        #expect(found.isEmpty, "\(found)")
    }
}
