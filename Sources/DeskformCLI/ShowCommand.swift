import ArgumentParser
import Foundation
import Planner
import Reconciler

/// `deskform show FILE`: prints a saved plan (as `plan` would) or a journal (what ran, when, what the API
/// answered, what failed), without reaching any instance.
package struct ShowCommand: AsyncParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a saved plan or an apply's journal, without touching an instance.",
        discussion: """
            FILE is a plan saved by `deskform plan --out FILE` or a journal written by apply \
            (.deskform/journal/<time>.jsonl). A plan prints as `deskform plan` prints it; a journal prints \
            each step at its last event.
            """
    )

    @Argument(help: "A saved plan or a journal.")
    package var file: String

    @Option(help: "Output format: text, json or markdown.")
    package var format: PlanCommand.Format = .text

    package init() {}

    package func run() async throws {
        let code = Self.show(file, format: format, console: .standard())
        if code != 0 { throw ExitCode(code) }
    }

    /// Prints `path` on `console`; returns the exit code (1 when it is neither a plan nor a journal).
    /// A `*.jsonl` file is read as a journal, anything else as a saved plan first.
    package static func show(_ path: String, format: PlanCommand.Format, console: Console) -> Int32 {
        if !path.lowercased().hasSuffix(".jsonl") {
            do {
                let saved = try PlanFile.read(from: path)
                switch format {
                case .text: console.out("Plan saved \(saved.createdAt) for \(saved.target)\n\n" + saved.plan.text())
                case .json: console.out(saved.plan.json(target: saved.target).prettyPrinted() + "\n")
                case .markdown: console.out(saved.plan.markdown(target: saved.target))
                }
                return 0
            } catch {
                if case .otherFormat = error {
                    console.err("deskform: error: \(path) cannot be shown: \(error.writtenBy): show it with the deskform that saved it, or plan again.\n")
                    return 1
                }
            }
        }
        do {
            let journal = try JournalFile.read(from: path)
            switch format {
            case .text: console.out(journal.text())
            case .json: console.out(journal.json().prettyPrinted() + "\n")
            case .markdown: console.out(journal.markdown())
            }
            return 0
        } catch {
            if !FileManager.default.fileExists(atPath: path) {
                console.err("deskform: error: there is no file \(path); nothing was shown.\n")
            } else if path.lowercased().hasSuffix(".jsonl") {
                console.err("deskform: error: \(error); nothing was shown.\n")
            } else {
                console.err(
                    """
                    deskform: error: \(path) is neither a saved plan nor a journal; nothing was shown.
                      hint: give a file written by `deskform plan --out FILE` or one under .deskform/journal.

                    """)
            }
            return 1
        }
    }
}
