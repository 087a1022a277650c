import ArgumentParser
import Manifest

/// `deskform schema`: prints the JSON Schema (draft 2020-12) of the manifest format.
public struct SchemaCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (draft 2020-12) of the manifest format.",
        discussion: "specs/manifest.schema.json is this output. Point editors at it with a first line '# yaml-language-server: $schema=…'."
    )

    public init() {}

    public func run() async throws {
        Console.standard().out(ManifestSchema.json)
    }
}
