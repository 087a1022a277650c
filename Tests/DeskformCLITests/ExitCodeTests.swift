import ArgumentParser
import DeskformCLI
import Testing

/// What CI reads: every exit code documented where a user looks, and options that contradict each other
/// refused before anything is read.
@Suite("exit codes")
struct ExitCodeTests {
    @Test("--help of plan, apply and undo lists the exit codes 0, 1, 2, 3, 64 and 130", arguments: ["plan", "apply", "undo"])
    func helpListsExitCodes(command: String) throws {
        let help = Deskform.helpMessage(for: try #require(Self.command(named: command)), columns: 200)
        #expect(help.contains("EXIT CODES"), "\(help)")
        for code in ["  0    done, or nothing to do", "  1    an error", "  2    ", "  3    ", "  64   a usage error", "  130  interrupted (Ctrl-C)"] {
            #expect(help.contains(code), "\(command) --help lacks '\(code)'")
        }
    }

    @Test("plan's help says 2 means changes under --detailed-exitcode; apply's says 3 is a refusal by policy")
    func codesSayWhatTheyMean() throws {
        #expect(PlanCommand.helpMessage(columns: 200).contains("  2    changes to make (with --detailed-exitcode; without it, 0)"))
        #expect(
            ApplyCommand.helpMessage(columns: 200).contains(
                "  3    refused by policy (more deletions than policy.max_deletes): nothing was changed"))
    }

    @Test("--allow-deletes with --hold-deletes is a usage error (exit 64) for apply and undo")
    func allowAndHoldDeletes() throws {
        for arguments in [["apply", "--allow-deletes", "--hold-deletes"], ["undo", "journal.jsonl", "--hold-deletes", "--allow-deletes"]] {
            do {
                _ = try Deskform.parseAsRoot(arguments)
                Issue.record("\(arguments) parsed")
            } catch {
                #expect(Deskform.exitCode(for: error) == .validationFailure)
                #expect(
                    Deskform.message(for: error)
                        == "--allow-deletes carries the deletions out and --hold-deletes holds them back; choose one.")
            }
        }
    }

    static func command(named name: String) -> ParsableCommand.Type? {
        Deskform.configuration.subcommands.first { $0.configuration.commandName == name }
    }
}
