import Foundation
import Manifest
import Planner

/// `plan --all-envs`: the plan of every environment of the project file, one section each (one
/// pull-request comment in Markdown), and one exit code for them all (``exitCode(_:)``).
/// Each environment is planned as `plan --env NAME` would, on a console of its own: what it writes,
/// its errors included, goes in its section.
struct EnvironmentPlans {
    let format: PlanCommand.Format
    let detailedExitcode: Bool
    let options: TargetOptions
    let environment: [String: String]
    let colour: Bool

    /// Plans every environment in file order and writes the sections on `console`; returns the exit code.
    func run(paths: [String], console: Console) async -> Int32 {
        let renderer = DiagnosticRenderer(colour: colour)
        return await console.run(renderer: renderer) {
            guard let project = try EnvironmentChoice.readProject(directory: options.project, console: console, renderer: renderer) else {
                throw CommandError.noProjectForAllEnvironments
            }
            var codes: [Int32] = []
            var sections: [String] = []
            for chosen in project.environments {
                var options = options
                options.env = chosen.name
                let (recorder, recording) = Console.recording()
                let planned = await PlanCommand.plan(
                    paths: paths, format: format, detailedExitcode: detailedExitcode, target: options,
                    environment: environment, colour: colour, console: recorder)
                codes.append(planned)
                // A failed environment's errors are in its text section; standard error has the rest.
                if format == .markdown || planned != 1 { console.err(recording.errorOutput) }
                sections.append(section(chosen.name, code: planned, output: recording.output, errors: recording.errorOutput))
            }
            console.out(format == .markdown ? Self.cut(sections.joined(separator: "\n")) : sections.joined())
            // The sections say why an environment failed: only the exit code is left to give.
            let code = Self.exitCode(codes)
            if code != ExitStatus.success.rawValue { throw Stop(ExitStatus(rawValue: code) ?? .failure) }
        }
    }

    /// 1 when any environment failed (so that CI never passes a broken one for a plan with changes),
    /// else the highest of the others: 2 when some has changes under `--detailed-exitcode`, else 0.
    static func exitCode(_ codes: [Int32]) -> Int32 {
        codes.contains(1) ? 1 : codes.max() ?? 0
    }

    /// One environment's part: its plan, or (exit 1) why there is none. Text or Markdown: `--all-envs`
    /// refuses JSON.
    func section(_ name: String, code: Int32, output: String, errors: String) -> String {
        if format == .markdown {
            let failed =
                code == 1 ? "\n**No plan for \(name)** (exit 1):\n\n```\n\(errors.trimmingCharacters(in: .newlines))\n```\n" : ""
            return "## Environment `\(name)`\n\n" + output + failed
        }
        return "== Environment \(name) ==\n" + output + (code == 1 ? errors + "No plan for \(name) (exit 1).\n" : "") + "\n"
    }

    /// `markdown` cut to fit one pull-request comment, with a note saying so.
    static func cut(_ markdown: String) -> String {
        PullRequestComment.fit(
            markdown,
            note:
                "\n---\n✂️ Cut here: the plans are longer than one pull-request comment may be (65,536 characters). Run `deskform plan --env NAME` for each environment to see it in full.\n"
        )
    }
}
