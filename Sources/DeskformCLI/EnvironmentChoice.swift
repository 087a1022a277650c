import Foundation
import InvGateAPI
import Manifest

/// What the project file in the current directory and `--env` (else `DESKFORM_ENV`) choose: no project
/// file and no `--env`, nothing (every command works as without environments); else one environment.
struct EnvironmentChoice: Sendable {
    /// The project file, when the current directory has one.
    let project: Project?
    /// The environment the command works on; nil without a project file.
    let environment: ProjectEnvironment?
    /// The folder of the project file: its paths and the local instances' state are relative to it.
    var directory = "."

    /// The name asked for: `--env`, else a non-empty `DESKFORM_ENV`.
    static func requested(option: String?, environment: [String: String]) -> String? {
        option ?? environment["DESKFORM_ENV"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The project file at `directory/deskform.yaml` when there is one: nil when there is none, else the
    /// project and its diagnostics.
    static func readProject(directory: String = ".") -> (project: Project, diagnostics: [Diagnostic])? {
        let path = directory == "." ? Project.fileName : (directory as NSString).appendingPathComponent(Project.fileName)
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return Project.read(path: path)
    }

    /// Chooses, printing the project file's diagnostics (and why nothing could be chosen) on `console`.
    /// Nil when the command must stop (exit 1).
    static func choose(
        option: String?, environment: [String: String], console: Console, renderer: DiagnosticRenderer,
        directory: String = "."
    ) -> EnvironmentChoice? {
        let name = requested(option: option, environment: environment)
        guard case (let project, let diagnostics)? = readProject(directory: directory) else {
            if let name {
                console.err("deskform: error: \(ProjectError.noProject(environment: name))\n")
                return nil
            }
            return EnvironmentChoice(project: nil, environment: nil)
        }
        console.err(renderer.render(diagnostics))
        guard !diagnostics.containsErrors else {
            console.err("deskform: error: \(ProjectError.invalid(project: project.path, errors: diagnostics.errorCount))\n")
            return nil
        }
        switch project.select(name) {
        case .success(let chosen):
            return EnvironmentChoice(project: project, environment: chosen, directory: directory)
        case .failure(let error):
            console.err("deskform: error: \(error)\n")
            return nil
        }
    }

    /// The state folder of the embedded instance an environment without a URL uses: `.deskform/NAME`.
    var localDirectory: String {
        environment.map { relative(".deskform/\($0.name)") } ?? ".deskform"
    }

    /// `path` relative to the project file's folder (absolute paths as they are).
    func relative(_ path: String) -> String {
        directory == "." || path.hasPrefix("/") ? path : (directory as NSString).appendingPathComponent(path)
    }

    /// The manifests to read: the paths given, else the environment's, else the current directory.
    func paths(_ given: [String]) -> [String] {
        if !given.isEmpty { return given }
        return environment?.paths.map(relative) ?? ["."]
    }

    /// Loads the manifests of the environment (paths read one over another, variables resolved), or as
    /// without environments.
    func load(_ given: [String], process: [String: String]) -> ManifestLoad {
        guard let environment else { return ManifestLoader().load(paths: paths(given)) }
        return ManifestLoader().load(
            paths: paths(given), overlaid: true, variables: environment.manifestVariables(process: process))
    }

    /// The target: `--url`, else the environment's URL with the credentials it names, else (an environment
    /// without URL) its embedded instance; without environments, as `Target.resolve` says.
    func target(url: String?, process: [String: String]) throws(Credentials.HalfSet) -> Target {
        guard let environment else {
            return try Target.resolve(url: url, environment: process, directory: process["DESKFORM_DIR"] ?? ".deskform")
        }
        return try Target.resolve(url: url ?? environment.url, environment: credentials(process), directory: localDirectory)
    }

    /// The variables credentials are read from: the process's, or only those the environment names.
    func credentials(_ process: [String: String]) -> [String: String] {
        environment?.clientEnvironment(from: process) ?? process
    }

    /// Where the instance URL came from, to name in advice.
    func urlSource(given url: String?) -> String {
        if url != nil { return "--url" }
        if let environment, environment.url != nil { return "the url of environment \(environment.name) in deskform.yaml" }
        return "INVGATE_URL"
    }
}
