import ArgumentParser

/// Where a command reads and writes: `--url` (else `INVGATE_URL`, else the local instance) and how
/// many requests may be in flight.
public struct TargetOptions: ParsableArguments, Sendable {
    @Option(help: "The instance root, e.g. https://acme.sd.cloud.invgate.net (default: $INVGATE_URL, else the embedded local instance).")
    public var url: String?

    @Option(help: "How many API requests may run at once.")
    public var parallelism = 8

    public init() {}

    public func validate() throws {
        guard parallelism >= 1 else { throw ValidationError("--parallelism must be at least 1.") }
    }
}
