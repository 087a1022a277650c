import ArgumentParser

/// Where a command reads and writes: `--url` (else `INVGATE_URL`, else the local instance) and how
/// many requests may be in flight; with a project file, which of its environments (`--env`).
public struct TargetOptions: ParsableArguments, Sendable {
    @Option(help: "The instance root, e.g. https://acme.sd.cloud.invgate.net (default: $INVGATE_URL, else the embedded local instance).")
    public var url: String?

    @Option(help: "The environment of deskform.yaml to work on: its instance, paths and variables (default: $DESKFORM_ENV, else the only one).")
    public var env: String?

    @Option(help: "The folder that holds deskform.yaml; its environments' paths are relative to it.")
    public var project = "."

    @Option(help: "How many API requests may run at once.")
    public var parallelism = 8

    public init() {}

    public func validate() throws {
        guard parallelism >= 1 else { throw ValidationError("--parallelism must be at least 1.") }
    }
}
