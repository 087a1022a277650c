import ArgumentParser
import InvGateAPI

/// Where a command reads and writes: `--url` (else `INVGATE_URL`, else the local instance), how
/// many requests may be in flight and how long one may take; with a project file, which of its
/// environments (`--env`).
package struct TargetOptions: ParsableArguments, Sendable {
    @Option(help: "The instance root, e.g. https://acme.sd.cloud.invgate.net (default: $INVGATE_URL, else the embedded local instance).")
    package var url: String?

    @Option(
        help: "The environment of deskform.yaml to work on: its instance, paths and variables (default: $DESKFORM_ENV, else the only one).")
    package var env: String?

    @Option(help: "The folder that holds deskform.yaml; its environments' paths are relative to it.")
    package var project = "."

    @Option(
        help: """
            How many API requests may run at once: auto (start low, widen while answers stay fast, halve on a 429 \
            or 503) or a fixed number.
            """)
    package var parallelism: Parallelism = .auto

    @Option(help: "The most requests --parallelism auto may run at once.")
    package var maxParallelism = 32

    @Option(
        help: """
            The most API requests a second, when the instance's rate limit is known: requests are spaced to keep \
            to it, and slowed further while the instance still answers 429. Without it the rate is learned from the \
            instance's answers: unlimited until the first 429 or 503.
            """)
    package var maxRate: Double?

    @Option(help: "Seconds one API request may wait for its answer before it counts as lost (and is retried if safe).")
    package var timeout: Int = Int(NetworkSettings.defaultRequestTimeout.components.seconds)

    package init() {}

    package func validate() throws {
        guard maxParallelism >= 1 else { throw ValidationError("--max-parallelism must be at least 1.") }
        if let maxRate, !(maxRate > 0 && maxRate.isFinite) {
            throw ValidationError("--max-rate must be a number of requests a second above 0, e.g. 10 or 0.5.")
        }
        guard timeout >= 1 else { throw ValidationError("--timeout must be at least 1 (seconds).") }
    }

    /// How many requests the reader and the executor keep going: the fixed number, or the cap of `auto`.
    var width: Int {
        switch parallelism {
        case .auto: maxParallelism
        case .fixed(let width): width
        }
    }

    /// The shared limit of `auto`, new for one command; nil for a fixed width.
    func makeLimit() -> ConcurrencyLimit? {
        guard case .auto = parallelism else { return nil }
        return ConcurrencyLimit(start: min(Parallelism.autoStart, maxParallelism), maximum: maxParallelism)
    }

    /// The request rate of one command, learned from the instance's answers: unlimited until the first 429 or
    /// 503 (or the rate an earlier command learned, or `--max-rate`, never passed), then lower while the
    /// instance refuses.
    func makePacing(remembered: Double? = nil) -> RequestPacing {
        RequestPacing(maximum: maxRate, remembered: remembered)
    }
}
