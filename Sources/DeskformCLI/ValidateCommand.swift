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
        return console.run(renderer: renderer) {
            let name = EnvironmentChoice.requested(option: env, environment: environment)
            let read: Project?
            do {
                read = try EnvironmentChoice.readProject(directory: directory, console: console, renderer: renderer)
            } catch let invalid as EnvironmentChoice.InvalidProject {
                guard format == .json else { throw FileProblems(invalid.found, in: invalid.path, "no manifest was read") }
                console.out(DiagnosticReport(diagnostics: invalid.found, files: 1).json())
                throw Stop(.failure)
            }
            guard let project = read else {
                if let name { throw ProjectError.noProject(environment: name, directory: directory) }
                let load = ManifestLoader().load(paths: paths.isEmpty ? ["."] : paths)
                if !report(load, environment: nil, format: format, renderer: renderer, console: console) { throw Stop(.failure) }
                return
            }
            // As plan reads them: PATHS given replace the environments' paths, still laid one over another
            // with the environment's variables.
            let environments: [ProjectEnvironment]
            if let name {
                guard let chosen = project.environment(named: name) else {
                    throw ProjectError.unknownEnvironment(name, known: project.environments.map(\.name), project: project.path)
                }
                environments = [chosen]
            } else {
                environments = project.environments
            }
            var valid = true
            for chosen in environments {
                let load = EnvironmentChoice(environment: chosen, directory: directory).load(paths, process: environment)
                valid = report(load, environment: chosen.name, format: format, renderer: renderer, console: console) && valid
            }
            // The reports say what is wrong: only the exit code is left to give.
            if !valid { throw Stop(.failure) }
        }
    }

    /// Reports one load (of one environment, when named): its diagnostics are validate's output, not a
    /// failure of the command. Returns whether it is valid.
    static func report(_ load: ManifestLoad, environment: String?, format: Format, renderer: DiagnosticRenderer, console: Console) -> Bool {
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
        return load.isValid
    }
}
