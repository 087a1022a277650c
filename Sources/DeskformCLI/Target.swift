import Foundation
import InvGateAPI
import Logging
import Simulator

/// The instance a command works on: a URL with credentials from the environment, or, with no URL
/// configured, the embedded local instance.
package enum Target: Equatable, Sendable {
    case remote(url: String, credentials: Credentials)
    /// The simulator, in-process on a loopback port, over a state file seeded with the demo data.
    case local(statePath: String)

    /// How long a command waits for another one to let go of the embedded local instance.
    package static let localInstanceWait: Duration = .seconds(120)

    /// `--url`, else `INVGATE_URL`, else the local instance over `.deskform/local-instance.json`. Fails
    /// when a credential pair is set by half.
    package static func resolve(
        url: String?, environment: [String: String], directory: String = ".deskform"
    ) throws(Credentials.HalfSet) -> Target {
        if let url = url ?? environment["INVGATE_URL"].flatMap({ $0.isEmpty ? nil : $0 }) {
            return .remote(url: url, credentials: try .fromEnvironment(environment, instanceURL: url))
        }
        return .local(statePath: directory + "/local-instance.json")
    }

    /// The credentials sent: none to the local instance.
    var credentials: Credentials {
        if case .remote(_, let credentials) = self { credentials } else { .none }
    }

    /// What a saved plan, a prompt or a report names as the target: the URL, or the local instance's
    /// state file (whose port changes from run to run).
    package func identity(url: String) -> String {
        switch self {
        case .remote: url
        case .local(let statePath): "local instance (\(statePath))"
        }
    }

    /// The first line a command prints: where it works, and with which credentials (never one of them).
    package func banner(url: String, environment: [String: String] = [:]) -> String {
        switch self {
        case .remote(_, let credentials):
            if Credentials.bothSchemesSet(environment) {
                "deskform: target \(url) (\(credentials); INVGATE_USERNAME and INVGATE_TOKEN are set too, and not used)"
            } else {
                "deskform: target \(url) (\(credentials))"
            }
        case .local(let statePath):
            "deskform: no INVGATE_URL set; using the embedded local instance (state in \(statePath))"
        }
    }

    /// Runs `body` with a client for this target (and the URL to show), starting and stopping the
    /// local instance around it when there is no remote one. `onRequest` hears of every request the
    /// client sends, each attempt and token request included; `onRetry` of every retry; `onWait`
    /// that the local instance is busy with another command. `concurrency` (for `--parallelism auto`)
    /// and `pacing` are shared by every request of the client.
    package func withClient<Value: Sendable>(
        parallelism: Int, concurrency: ConcurrencyLimit? = nil, pacing: RequestPacing? = nil, network: NetworkSettings = NetworkSettings(),
        localInstanceWait: Duration = Target.localInstanceWait,
        logger: Logger,
        onRequest: (@Sendable (WireRequest) async -> Void)? = nil, onRetry: (@Sendable (RetryNotice) -> Void)? = nil,
        onWait: (String) -> Void = { _ in },
        _ body: @Sendable (InvGateClient, String) async throws -> Value
    ) async throws -> Value {
        var network = network
        if case .local = self { network.proxy = nil }
        return try await withHTTPTransport(network, maxConnections: parallelism) { live in
            let transport: any HTTPTransport = onRequest.map { ObservedTransport(live, observe: $0) } ?? live
            switch self {
            case .remote(let url, let credentials):
                let client = InvGateClient(
                    instanceURL: url, credentials: credentials, transport: transport, logger: logger, onRetry: onRetry,
                    concurrency: concurrency, pacing: pacing)
                return try await body(client, url)
            case .local(let statePath):
                let directory = (statePath as NSString).deletingLastPathComponent
                try Self.prepare(directory)
                let lock = try await LocalInstanceLock(directory: directory, statePath: statePath, bound: localInstanceWait, onWait: onWait)
                defer { withExtendedLifetime(lock) {} }
                // A token of this run's own: the local instance answers only this process.
                let token = UUID().uuidString
                let options = SimulatorOptions(host: "127.0.0.1", port: 0, username: "deskform", token: token, statePath: statePath)
                let store = try SimulatorStore.open(options)
                let quiet = Logger(label: "deskform.local-instance", factory: { _ in SwiftLogNoOpLogHandler() })
                return try await withRunningSimulator(options, store: store, logger: quiet) { port in
                    let url = "http://127.0.0.1:\(port)"
                    let client = InvGateClient(
                        instanceURL: url, credentials: .basic(username: "deskform", token: token), transport: transport, logger: logger,
                        onRetry: onRetry, concurrency: concurrency, pacing: pacing)
                    return try await body(client, url)
                }
            }
        }
    }

    /// Creates the local instance's folder with a `.gitignore` of its own, so that its state and
    /// journals are never committed by accident. Fails with the operating system's reason in one sentence.
    static func prepare(_ directory: String) throws(LocalInstanceFolderError) {
        do throws(Errno) {
            try makeFolder(directory)
            let ignore = directory + "/.gitignore"
            if !FileManager.default.fileExists(atPath: ignore) {
                let text = "# deskform's local state: the embedded instance, its lock, journals, learned rates. Never committed.\n*\n"
                let file = open(ignore, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
                guard file >= 0 else { throw Errno(code: errno) }
                defer { close(file) }
                guard write(file, text, text.utf8.count) == text.utf8.count else { throw Errno(code: errno) }
            }
        } catch {
            throw LocalInstanceFolderError(creating: directory, errno: error.code)
        }
    }

    /// `mkdir -p`: the folder and those above it, failing with the first `errno` that stops it.
    static func makeFolder(_ path: String) throws(Errno) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw Errno(code: ENOTDIR) }
            return
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != path { try makeFolder(parent) }
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else { throw Errno(code: errno) }
    }

    /// A failed system call's `errno`.
    struct Errno: Error {
        let code: Int32

        /// The system's words for it, in lower case: "not a directory".
        var words: String { String(cString: strerror(code)).lowercased() }
    }
}
