import ArgumentParser
import Manifest

/// `deskform schema [--project]`: prints the JSON Schema (draft 2020-12) of the manifest format, or of
/// the project file `deskform.yaml`.
package struct SchemaCommand: AsyncParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (draft 2020-12) of the manifest format, or of the project file (--project).",
        discussion:
            "specs/manifest.schema.json and specs/project.schema.json are this output. Point editors at them with a first line '# yaml-language-server: $schema=…'."
    )

    @Flag(help: "Print the schema of the project file deskform.yaml instead.")
    package var project = false

    package init() {}

    package func run() async throws {
        Console.standard().out(project ? ProjectSchema.json : ManifestSchema.json)
    }
}
