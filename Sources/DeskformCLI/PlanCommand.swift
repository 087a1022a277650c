import ArgumentParser
import Foundation
import InvGateAPI
import Logging
import Manifest
import Planner
import Reconciler

/// `deskform plan [PATHS…]`: reads the instance, diffs it against the manifests and prints the API
/// calls that would make them equal. Exit 0 ok / no changes, 1 error, 2 changes (`--detailed-exitcode`).
public struct PlanCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show the API calls that would make the instance match the manifests.",
        discussion: """
            The first line names the target (never credentials). Credentials come from INVGATE_USERNAME + \
            INVGATE_TOKEN (Basic) or INVGATE_CLIENT_ID + INVGATE_CLIENT_SECRET (OAuth2). With no URL, \
            the embedded local instance is used.
            """
    )

    public enum Format: String, ExpressibleByArgument, CaseIterable, Sendable {
        case text, json, markdown
    }

    @Argument(help: "Manifest files or directories, searched recursively for *.yaml and *.yml.")
    public var paths: [String] = []

    @Option(help: "Output format: text, json or markdown.")
    public var format: Format = .text

    @Flag(help: "Exit 2 when there are changes (0: none, 1: error).")
    public var detailedExitcode = false

    @Option(help: "Save the plan to this file, for `deskform apply FILE`.")
    public var out: String?

    @OptionGroup public var target: TargetOptions

    public init() {}

    public func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let colour = DiagnosticRenderer.wantsColour(fileDescriptor: 1, environment: environment)
        let code = await Self.plan(
            paths: paths, format: format, detailedExitcode: detailedExitcode, out: out, target: target,
            environment: environment, colour: colour, console: .standard())
        if code != 0 { throw ExitCode(code) }
    }

    /// Plans and prints the plan on `console`; returns the exit code.
    public static func plan(
        paths: [String], format: Format, detailedExitcode: Bool, out: String? = nil, target options: TargetOptions,
        environment: [String: String], colour: Bool = false, console: Console
    ) async -> Int32 {
        let renderer = DiagnosticRenderer(colour: colour)
        if let out {
            do {
                try PlanFile.checkWritable(out)
            } catch {
                console.error(error)
                return 1
            }
        }
        let load = ManifestLoader().load(paths: paths.isEmpty ? ["."] : paths)
        console.err(renderer.render(load.diagnostics))
        guard load.isValid else {
            console.err("\(DiagnosticRenderer.summary(of: load.diagnostics)); nothing was read or planned.\n")
            return 1
        }
        let target = Target.resolve(url: options.url, environment: environment)
        let logger = CommandLogger.make(environment: environment)
        do {
            return try await target.withClient(parallelism: options.parallelism, logger: logger) { client, url in
                let banner = target.banner(url: url) + "\n"
                if format == .text { console.out(banner) } else { console.err(banner) }
                do {
                    let reconciliation = try await Reconciliation.prepare(
                        load.estate, client: client, parallelism: options.parallelism, logger: logger)
                    let plan = reconciliation.plan
                    switch format {
                    case .text: console.out(plan.text(style: PlanStyle(colour: colour)))
                    case .json: console.out(plan.json(target: url).prettyPrinted() + "\n")
                    case .markdown: console.out(plan.markdown(target: url))
                    }
                    if let out {
                        try PlanFile(
                            target: target.identity(url: url),
                            scope: reconciliation.scope,
                            fingerprint: LiveFingerprint(of: reconciliation.live, kinds: reconciliation.scope.kinds), plan: plan
                        ).write(to: out)
                        console.err("Saved the plan to \(out); apply exactly it with: deskform apply \(out)\n")
                    }
                    return detailedExitcode && !plan.isEmpty ? 2 : 0
                } catch let failure as ReconciliationFailure {
                    console.err(Self.describe(failure, renderer: renderer))
                    return 1
                } catch let failure as PlanFileError {
                    console.error(failure)
                    return 1
                }
            }
        } catch {
            console.error(error)
            return 1
        }
    }

    static func describe(_ failure: ReconciliationFailure, renderer: DiagnosticRenderer) -> String {
        switch failure {
        case .api(let error):
            "deskform: error: \(error)\n"
        case .manifests(let diagnostics):
            renderer.render(diagnostics) + "\(DiagnosticRenderer.summary(of: diagnostics)); nothing was planned.\n"
        case .planning(let diagnostics):
            renderer.render(diagnostics) + "\(DiagnosticRenderer.summary(of: diagnostics)); no plan was made.\n"
        }
    }
}
