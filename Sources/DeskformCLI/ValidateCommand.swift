import ArgumentParser
import EstateModel
import Foundation
import Manifest

/// `deskform validate [PATHS…] [--format text|json] [--env NAME]`: checks manifests offline, with no API call.
/// Exit 0 when there is no error (warnings allowed), 1 otherwise.
package struct ValidateCommand: AsyncParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check manifests offline: YAML syntax, the format, and consistency across files.",
        discussion:
            "Makes no API call. Reports every problem at once as path:line:column. Exit code 0 when valid (warnings allowed), 1 on any error."
    )

    package enum Format: String, ExpressibleByArgument, CaseIterable, Sendable {
        case text
        case json
    }

    @Argument(help: "Manifest files or directories, searched recursively for *.yaml and *.yml.")
    package var paths: [String] = []

    @Option(help: "Output format: text or json.")
    package var format: Format = .text

    @Option(help: "The environment of deskform.yaml to check, its variables resolved (default: $DESKFORM_ENV, else every environment).")
    package var env: String?

    @Option(help: "The folder that holds deskform.yaml; its environments' paths are relative to it.")
    package var project = "."

    package init() {}

    package func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let colour = DiagnosticRenderer.wantsColour(fileDescriptor: 2, environment: environment)
        let code = Self.validate(
            paths: paths, format: format, env: env, environment: environment, directory: project, colour: colour, console: .standard())
        if code != 0 { throw ExitCode(code) }
    }

    /// Validates and reports on `console`: the JSON report or the summary of a clean run on standard
    /// output, the diagnostics and their count (text format) on standard error. Returns the exit code.
    ///
    /// With a project file in `directory`: the environment `env` (else `DESKFORM_ENV`) names, else every
    /// environment, each read from its paths (or `paths`, when given) with its variables, as `plan` reads them.
    package static func validate(
        paths: [String], format: Format, env: String? = nil, environment: [String: String] = [:], directory: String = ".",
        colour: Bool = false, console: Console
    ) -> Int32 {
        let renderer = DiagnosticRenderer(colour: colour)
        let name = EnvironmentChoice.requested(option: env, environment: environment)
        let project: Project
        // As plan reads them: PATHS given replace the environments' paths, still laid one over another
        // with the environment's variables.
        switch EnvironmentChoice.readProject(
            directory: directory, console: console, renderer: renderer,
            invalid: { project, diagnostics in
                switch format {
                case .json: console.out(DiagnosticReport(diagnostics: diagnostics, files: 1).json())
                case .text:
                    console.err(renderer.render(diagnostics))
                    console.err("\(DiagnosticRenderer.summary(of: diagnostics)) in \(project.path); no manifest was read.\n")
                }
            })
        {
        case .stop:
            return 1
        case .absent:
            if let name {
                console.err("deskform: error: \(ProjectError.noProject(environment: name, directory: directory))\n")
                return 1
            }
            let load = ManifestLoader().load(paths: paths.isEmpty ? ["."] : paths)
            return report(load, environment: nil, format: format, renderer: renderer, console: console)
        case .read(let read):
            project = read
        }
        let environments: [ProjectEnvironment]
        if let name {
            guard let chosen = project.environment(named: name) else {
                console.err(
                    "deskform: error: \(ProjectError.unknownEnvironment(name, known: project.environments.map(\.name), project: project.path))\n"
                )
                return 1
            }
            environments = [chosen]
        } else {
            environments = project.environments
        }
        var code: Int32 = 0
        for chosen in environments {
            let load = EnvironmentChoice(environment: chosen, directory: directory).load(paths, process: environment)
            code = max(code, report(load, environment: chosen.name, format: format, renderer: renderer, console: console))
        }
        return code
    }

    /// Reports one load (of one environment, when named); returns its exit code.
    static func report(_ load: ManifestLoad, environment: String?, format: Format, renderer: DiagnosticRenderer, console: Console) -> Int32
    {
        let prefix = environment.map { "Environment \($0): " } ?? ""
        switch format {
        case .json:
            var report = DiagnosticReport(diagnostics: load.diagnostics, files: load.files.count)
            report.environment = environment
            console.out(report.json())
        case .text:
            console.err(renderer.render(load.diagnostics))
            let files = load.files.count.counted("file")
            if load.isValid {
                let warnings = load.diagnostics.isEmpty ? "" : " (\(DiagnosticRenderer.summary(of: load.diagnostics)))"
                let objects = load.estate.objectCount
                let manifests = environment == nil ? "Manifests are" : "manifests are"
                console.out("\(prefix)\(manifests) valid: \(files), \(objects) object\(objects == 1 ? "" : "s")\(warnings).\n")
            } else {
                console.err("\(prefix)\(DiagnosticRenderer.summary(of: load.diagnostics)) in \(files).\n")
            }
        }
        return load.isValid ? 0 : 1
    }
}
