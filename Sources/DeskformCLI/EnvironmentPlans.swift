import Foundation
import Manifest

/// `plan --all-envs`: the plan of every environment of the project file, one section each (one
/// pull-request comment in Markdown), and the highest of their exit codes.
struct EnvironmentPlans {
    /// The most a GitHub pull-request comment may hold.
    static let commentLimit = 65_536

    let format: PlanCommand.Format
    let detailedExitcode: Bool
    let options: TargetOptions
    let environment: [String: String]
    let colour: Bool

    /// Plans every environment in file order and writes the sections on `console`; returns the exit code.
    func run(paths: [String], console: Console) async -> Int32 {
        let renderer = DiagnosticRenderer(colour: colour)
        guard case (let project, let diagnostics)? = EnvironmentChoice.readProject(directory: options.project) else {
            console.err(
                "deskform: error: --all-envs plans the environments of \(Project.fileName), and there is none in \(options.project == "." ? "the current directory" : options.project); run from the repository's root, or plan without --all-envs.\n"
            )
            return 1
        }
        console.err(renderer.render(diagnostics))
        guard !diagnostics.containsErrors else {
            console.err("deskform: error: \(ProjectError.invalid(project: project.path, errors: diagnostics.errorCount))\n")
            return 1
        }
        var code: Int32 = 0
        var sections: [String] = []
        for chosen in project.environments {
            var options = options
            options.env = chosen.name
            let (recorder, recording) = Console.recording()
            let planned = await PlanCommand.plan(
                paths: paths, format: format, detailedExitcode: detailedExitcode, target: options,
                environment: environment, colour: colour, console: recorder)
            code = max(code, planned)
            console.err(recording.errorOutput)
            sections.append(section(chosen.name, code: planned, output: recording.output, errors: recording.errorOutput))
        }
        switch format {
        case .markdown: console.out(Self.cut(sections.joined(separator: "\n")))
        case .text, .json: console.out(sections.joined())
        }
        return code
    }

    /// One environment's part: its plan, or (exit 1) why there is none.
    func section(_ name: String, code: Int32, output: String, errors: String) -> String {
        switch format {
        case .markdown:
            let failed = code == 1 ? "\n**No plan for \(name)** (exit 1):\n\n```\n\(errors)```\n" : ""
            return "## Environment `\(name)`\n\n" + output + failed
        case .text:
            return "== Environment \(name) ==\n" + output + (code == 1 ? "No plan for \(name): see the errors above.\n" : "") + "\n"
        case .json:
            return output
        }
    }

    /// `markdown` cut to fit one pull-request comment, with a note saying so.
    static func cut(_ markdown: String) -> String {
        guard markdown.utf16.count > commentLimit else { return markdown }
        let note =
            "\n\n---\n✂️ Cut here: the plans are longer than one pull-request comment may be (65,536 characters). Run `deskform plan --env NAME` for each environment to see it in full.\n"
        var kept = ""
        var length = 0
        let budget = commentLimit - note.utf16.count - 8
        for character in markdown {
            let size = String(character).utf16.count
            if length + size > budget { break }
            kept.append(character)
            length += size
        }
        // A cut inside a code block would leave it open: close it.
        let fences = kept.components(separatedBy: "```").count - 1
        return kept + (fences % 2 == 1 ? "\n```" : "") + note
    }
}
