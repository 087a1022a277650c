import Foundation
import Yams

/// The project file `deskform.yaml` at the root of a manifests repository: its environments, in file
/// order. A reserved name: never read as a manifest.
///
///     environments:
///       staging: {url: https://acme-sandbox.example.invgate.net, paths: [org, overlays/staging],
///                 credentials: {client_id: STG_CLIENT_ID, client_secret: STG_CLIENT_SECRET}}
package struct Project: Hashable, Sendable {
    /// The project file's name.
    package static let fileName = "deskform.yaml"

    package var environments: [ProjectEnvironment]
    /// Where the file is, as given.
    package var path: String

    package init(environments: [ProjectEnvironment], path: String = Project.fileName) {
        self.environments = environments
        self.path = path
    }

    package func environment(named name: String) -> ProjectEnvironment? {
        environments.first { $0.name == name }
    }

    /// `name`'s environment, else (no name) the only one, else an error that lists them.
    package func select(_ name: String?) -> Result<ProjectEnvironment, ProjectError> {
        if let name {
            if let environment = environment(named: name) { return .success(environment) }
            return .failure(.unknownEnvironment(name, known: environments.map(\.name), project: path))
        }
        if environments.count == 1 { return .success(environments[0]) }
        return .failure(.noEnvironmentChosen(known: environments.map(\.name), project: path))
    }

    /// Reads the project file at `path`: the project (whatever could be read) and every problem, at its position.
    package static func read(path: String) -> (project: Project, diagnostics: [Diagnostic]) {
        guard let data = FileManager.default.contents(atPath: path) else {
            return (
                Project(environments: [], path: path),
                [.error(at: SourceLocation(file: path), "cannot read the project file", hint: "check that it is a readable file")]
            )
        }
        guard let text = ManifestFile.decodeUTF8(data, file: path) else {
            return (Project(environments: [], path: path), [ManifestFile.notUTF8(data, file: path)])
        }
        return read(text: text, path: path)
    }

    /// Reads a project file's text, reported under `path`.
    package static func read(text: String, path: String) -> (project: Project, diagnostics: [Diagnostic]) {
        let composed = YAMLText.compose(text, file: path)
        var reader = ProjectReader(reader: ManifestReader(file: path, repeatedKeys: composed.repeatedKeys))
        var environments: [ProjectEnvironment] = []
        for root in composed.documents.prefix(1) {
            environments += reader.read(root)
        }
        if composed.documents.isEmpty, !composed.diagnostics.containsErrors {
            reader.reader.error(
                at: SourceLocation(file: path, line: 1, column: 1), "the project file is empty: it declares no environment",
                hint: "start with 'environments:' and one key per environment, e.g. 'environments: {staging: {paths: [org]}}'")
        }
        if composed.documents.count > 1, let second = composed.documents[1].mark {
            reader.reader.error(
                at: SourceLocation(file: path, line: second.line, column: second.column),
                "a project file holds one document", hint: "remove the '---' and what follows, or merge it into the first")
        }
        let diagnostics = (composed.diagnostics + reader.reader.diagnostics).sorted()
        return (Project(environments: environments, path: path), diagnostics)
    }
}

/// Why no environment could be chosen.
package enum ProjectError: Error, Hashable, Sendable, CustomStringConvertible {
    case unknownEnvironment(String, known: [String], project: String)
    case noEnvironmentChosen(known: [String], project: String)
    case invalid(project: String, errors: Int)
    /// `--env` with no project file in `directory` (`.`: the current directory).
    case noProject(environment: String, directory: String)
    /// `--project DIR` names a folder with no project file.
    case notFound(directory: String)

    package var description: String {
        switch self {
        case .unknownEnvironment(let name, let known, let project):
            "\(project) has no environment '\(name)'; choose one of: \(known.joined(separator: ", "))."
        case .noEnvironmentChosen(let known, let project):
            "\(project) declares several environments; choose one with --env NAME (or DESKFORM_ENV): \(known.joined(separator: ", "))."
        case .invalid(let project, let errors):
            "\(project) has \(errors) error\(errors == 1 ? "" : "s") (listed above); fix \(errors == 1 ? "it" : "them") and run again."
        case .noProject(let environment, let directory):
            "environment '\(environment)' was asked for, but there is no \(Self.file(in: directory)); run from the repository's root, or name its folder with --project DIR, or drop --env and DESKFORM_ENV."
        case .notFound(let directory):
            "there is no \(Self.file(in: directory)); give --project the folder that holds \(Project.fileName)."
        }
    }

    /// `deskform.yaml` in the current directory, else `DIR/deskform.yaml`.
    static func file(in directory: String) -> String {
        directory == "." ? "\(Project.fileName) in the current directory" : (directory as NSString).appendingPathComponent(Project.fileName)
    }
}
