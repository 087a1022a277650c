import Foundation
import InvGateAPI
import Manifest

/// What the project file in the current directory (else `--project DIR`) and `--env` (else
/// `DESKFORM_ENV`) choose: no project file and no `--env`, nothing (every command works as without
/// environments); else one environment.
struct EnvironmentChoice: Sendable {
    /// The environment the command works on; nil without a project file.
    let environment: ProjectEnvironment?
    /// The folder of the project file: its paths and the local instances' state are relative to it.
    var directory = "."

    /// The name asked for: `--env`, else a non-empty `DESKFORM_ENV`.
    static func requested(option: String?, environment: [String: String]) -> String? {
        option ?? environment["DESKFORM_ENV"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Reads the project file of `directory` (`.`, the current directory, unless `--project` named
    /// another) and prints its warnings on `console`; nil when the current directory has none. A
    /// `--project` folder without one, or a project file with errors, is a failure.
    static func readProject(directory: String, console: Console, renderer: DiagnosticRenderer) throws -> Project? {
        let path = directory == "." ? Project.fileName : (directory as NSString).appendingPathComponent(Project.fileName)
        guard FileManager.default.fileExists(atPath: path) else {
            if directory == "." { return nil }
            throw ProjectError.notFound(directory: directory)
        }
        let (project, diagnostics) = Project.read(path: path)
        guard !diagnostics.containsErrors else { throw InvalidProject(path: project.path, found: diagnostics) }
        console.err(renderer.render(diagnostics))
        return project
    }

    /// A project file with errors: every one, and that the command stops.
    struct InvalidProject: CommandFailure {
        let path: String
        let found: [Diagnostic]

        var diagnostics: [Diagnostic] {
            found.sorted() + [.error(at: .deskform, "\(ProjectError.invalid(project: path, errors: found.errorCount))")]
        }
    }

    /// Chooses, printing the project file's warnings on `console`; a failure says why nothing could be chosen.
    static func choose(
        option: String?, environment: [String: String], console: Console, renderer: DiagnosticRenderer,
        directory: String = "."
    ) throws -> EnvironmentChoice {
        let name = requested(option: option, environment: environment)
        guard let project = try readProject(directory: directory, console: console, renderer: renderer) else {
            if let name { throw ProjectError.noProject(environment: name, directory: directory) }
            return EnvironmentChoice(environment: nil)
        }
        return EnvironmentChoice(environment: try project.select(name).get(), directory: directory)
    }

    /// The state folder of the embedded instance an environment without a URL uses: `.deskform/NAME`.
    func localDirectory(_ environment: ProjectEnvironment) -> String {
        relative(".deskform/\(environment.name)")
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
    ///
    /// In an environment, credentials come only from the variables it names: an instance URL with
    /// none of them set, or with one of a pair, stops here, naming those variables.
    func target(url: String?, process: [String: String]) throws(CredentialProblem) -> Target {
        guard let environment else {
            do {
                return try Target.resolve(url: url, environment: process, directory: process["DESKFORM_DIR"] ?? ".deskform")
            } catch {
                throw CredentialProblem(description: error.description)
            }
        }
        let target: Target
        do {
            target = try Target.resolve(
                url: url ?? environment.url, environment: credentials(process), directory: localDirectory(environment))
        } catch {
            let names = Self.variableNames(environment)
            var named = error
            named.missing = names[error.missing] ?? error.missing
            named.present = names[error.present] ?? error.present
            throw CredentialProblem(description: named.description)
        }
        guard case .remote(_, .none) = target else { return target }
        switch environment.credentials {
        case .basic(let username, let token):
            throw CredentialProblem(
                description:
                    "environment \(environment.name) reads its credentials from \(username) and \(token), and neither is set; set both")
        case .oauth2(let clientID, let clientSecret):
            throw CredentialProblem(
                description:
                    "environment \(environment.name) reads its credentials from \(clientID) and \(clientSecret), and neither is set; set both"
            )
        case nil:
            throw CredentialProblem(
                description:
                    "environment \(environment.name) has no credentials; name the variables that hold them under 'environments.\(environment.name).credentials' in \(relative(Project.fileName)), e.g. '{username: PROD_USER, token: PROD_TOKEN}'"
            )
        }
    }

    /// Why no target could be made of the credentials: said in the names of the variables read.
    struct CredentialProblem: SentenceFailure {
        let description: String
    }

    /// The variables credentials are read from, by the `INVGATE_*` name each stands for (none outside an environment).
    var credentialVariableNames: [String: String] { environment.map(Self.variableNames) ?? [:] }

    /// What a failure to make contact says, in the names of the variables this choice reads credentials from.
    func contactFailure(url: String, urlSource: String, credentials: Credentials, reason: ContactFailure.Reason) -> ContactFailure {
        ContactFailure(url: url, urlSource: urlSource, credentials: credentials, reason: reason, variables: credentialVariableNames)
    }

    /// The variables an environment names, by the `INVGATE_*` name each stands for.
    static func variableNames(_ environment: ProjectEnvironment) -> [String: String] {
        switch environment.credentials {
        case .basic(let username, let token): ["INVGATE_USERNAME": username, "INVGATE_TOKEN": token]
        case .oauth2(let clientID, let clientSecret): ["INVGATE_CLIENT_ID": clientID, "INVGATE_CLIENT_SECRET": clientSecret]
        case nil: [:]
        }
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
