import ArgumentParser
import Foundation
import Manifest
import Planner
import Reconciler

/// `deskform plan [PATHS…]`: reads the instance, diffs it against the manifests and prints the API
/// calls that would make them equal. Exit 0 ok / no changes, 1 error, 2 changes (`--detailed-exitcode`).
package struct PlanCommand: AsyncParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show the API calls that would make the instance match the manifests.",
        discussion: """
            The first line names the target (never credentials). Credentials come from INVGATE_USERNAME + \
            INVGATE_TOKEN (Basic) or INVGATE_CLIENT_ID + INVGATE_CLIENT_SECRET (OAuth2). With no URL, \
            the embedded local instance is used. In Markdown (a pull-request comment), the heading names the \
            instance by its environment (--env, DESKFORM_ENV, else DESKFORM_INSTANCE_NAME), adding its host \
            only when DESKFORM_SHOW_URL=1; with no name, by its URL.

            """ + Deskform.exitCodes(changes: "changes to make (with --detailed-exitcode; without it, 0)", refused: "not used by plan: its verdict says whether apply would refuse")
    )

    package enum Format: String, ExpressibleByArgument, CaseIterable, Sendable {
        case text, json, markdown
    }

    @Argument(help: "Manifest files or directories, searched recursively for *.yaml and *.yml.")
    package var paths: [String] = []

    @Option(help: "Output format: text, json or markdown.")
    package var format: Format = .text

    @Flag(help: "Exit 2 when there are changes (0: none, 1: error).")
    package var detailedExitcode = false

    @Option(help: "Save the plan to this file, for `deskform apply FILE`.")
    package var out: String?

    @OptionGroup package var selection: TargetingOptions

    @Flag(help: "Plan every environment of deskform.yaml, one section each; exit 1 when any failed, else the highest exit code of theirs.")
    package var allEnvs = false

    @OptionGroup package var target: TargetOptions

    package init() {}

    package func validate() throws {
        if allEnvs, target.env != nil { throw ValidationError("--all-envs plans every environment; drop --env, or drop --all-envs.") }
        if allEnvs, format == .json { throw ValidationError("--all-envs writes text or markdown: one section per environment.") }
        if allEnvs, out != nil { throw ValidationError("--out saves one plan; with --all-envs, save each with --env NAME --out FILE.") }
        if allEnvs, !selection.targets.isEmpty || !selection.excludes.isEmpty {
            throw ValidationError(
                "--target and --exclude limit one plan; with --all-envs, plan each environment with --env NAME --target ADDR.")
        }
        if allEnvs, target.url != nil {
            throw ValidationError(
                "--url names one instance, and --all-envs plans the instance of each environment; drop --url, or plan with --env NAME --url URL."
            )
        }
    }

    package func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let colour = DiagnosticRenderer.wantsColour(fileDescriptor: 1, environment: environment)
        let code =
            allEnvs
            ? await Self.planEveryEnvironment(
                paths: paths, format: format, detailedExitcode: detailedExitcode, target: target, environment: environment,
                colour: colour, console: .standard())
            : await Self.plan(
                paths: paths, format: format, detailedExitcode: detailedExitcode, out: out, targeting: selection.targeting, target: target,
                environment: environment, colour: colour, console: .standard())
        if code != 0 { throw ExitCode(code) }
    }

    /// Plans every environment of the project file (`--all-envs`), one section each; returns 1 when any failed, else the highest exit code.
    package static func planEveryEnvironment(
        paths: [String] = [], format: Format, detailedExitcode: Bool, target options: TargetOptions,
        environment: [String: String], colour: Bool = false, console: Console
    ) async -> Int32 {
        let plans = EnvironmentPlans(
            format: format, detailedExitcode: detailedExitcode, options: options, environment: environment, colour: colour)
        return await plans.run(paths: paths, console: console)
    }

    /// Plans and prints the plan on `console`; returns the exit code.
    package static func plan(
        paths: [String], format: Format, detailedExitcode: Bool, out: String? = nil, targeting: Targeting = .everything,
        target options: TargetOptions,
        environment: [String: String], colour: Bool = false, console: Console
    ) async -> Int32 {
        await console.run(renderer: DiagnosticRenderer(colour: colour)) {
            if let out { try PlanFile.checkWritable(out) }
            var pipeline = Pipeline(options: options, environment: environment, console: console, colour: colour)
            pipeline.bannerOnStandardError = format != .text
            try await pipeline.reconcile(paths, for: .plan, targeting: targeting) { connection, reconciliation in
                let plan = reconciliation.plan
                switch format {
                case .text: console.out(plan.text(style: PlanStyle(colour: colour)))
                case .json: console.out(plan.json(target: connection.identity).prettyPrinted() + "\n")
                case .markdown:
                    console.out(plan.markdown(target: Self.markdownInstance(connection, options: options, environment: environment)))
                }
                if let out {
                    try reconciliation.saved(for: connection.identity).write(to: out)
                    console.err("Saved the plan to \(out); apply exactly it with: deskform apply \(out)\n")
                }
                if detailedExitcode, !plan.isEmpty { throw Stop(.changesPresent) }
            }
        }
    }
}

extension PlanCommand {
    /// How a Markdown plan (a pull-request comment, a drift issue: often public, while the instance's URL
    /// is often a secret) names the instance: by its environment (`--env`, else `DESKFORM_ENV`, else
    /// `DESKFORM_INSTANCE_NAME`), with its host only when `DESKFORM_SHOW_URL` is `1`; with no name, by its
    /// URL (or the local instance's state file), as a saved plan names it.
    static func markdownInstance(_ connection: Pipeline.Connection, options: TargetOptions, environment: [String: String]) -> String {
        let named =
            EnvironmentChoice.requested(option: options.env, environment: environment)
            ?? environment["DESKFORM_INSTANCE_NAME"].flatMap { $0.isEmpty ? nil : $0 }
        guard let name = named else { return connection.identity }
        guard environment["DESKFORM_SHOW_URL"] == "1" else { return name }
        guard case .remote = connection.target, let parts = URLComponents(string: connection.url), let host = parts.host else {
            return "\(name) (\(connection.identity))"
        }
        return "\(name) (\(host)\(parts.port.map { ":\($0)" } ?? ""))"
    }
}
