import Foundation
import InvGateAPI
import Logging
import Simulator

/// The instance a command works on: a URL with credentials from the environment, or, with no URL
/// configured, the embedded local instance.
public enum Target: Equatable, Sendable {
    case remote(url: String, credentials: Credentials)
    /// The simulator, in-process on a loopback port, over a state file seeded with the demo data.
    case local(statePath: String)

    /// `--url`, else `INVGATE_URL`, else the local instance over `.deskform/local-instance.json`.
    public static func resolve(url: String?, environment: [String: String], directory: String = ".deskform") -> Target {
        if let url = url ?? environment["INVGATE_URL"].flatMap({ $0.isEmpty ? nil : $0 }) {
            return .remote(url: url, credentials: .fromEnvironment(environment, instanceURL: url))
        }
        return .local(statePath: directory + "/local-instance.json")
    }

    /// What a saved plan records as its target: the URL, or the local instance's state file (whose
    /// port changes from run to run).
    public func identity(url: String) -> String {
        switch self {
        case .remote: url
        case .local(let statePath): "local instance (\(statePath))"
        }
    }

    /// The first line a command prints: where it works, never a credential.
    public func banner(url: String) -> String {
        switch self {
        case .remote(_, let credentials):
            "deskform: target \(url) (\(credentials))"
        case .local(let statePath):
            "deskform: no INVGATE_URL set; using the embedded local instance at \(url) (state in \(statePath))"
        }
    }

    /// Runs `body` with a client for this target (and the URL to show), starting and stopping the
    /// local instance around it when there is no remote one. `onRequest` hears of every request the
    /// client sends, each attempt and token request included.
    public func withClient<Value: Sendable>(
        parallelism: Int, logger: Logger, onRequest: (@Sendable (WireRequest) async -> Void)? = nil,
        _ body: @Sendable (InvGateClient, String) async throws -> Value
    ) async throws -> Value {
        try await withHTTPTransport(maxConnections: parallelism) { live in
            let transport: any HTTPTransport = onRequest.map { ObservedTransport(live, observe: $0) } ?? live
            switch self {
            case .remote(let url, let credentials):
                return try await body(InvGateClient(instanceURL: url, credentials: credentials, transport: transport, logger: logger), url)
            case .local(let statePath):
                // A token of this run's own: the local instance answers only this process.
                let token = UUID().uuidString
                let options = SimulatorOptions(host: "127.0.0.1", port: 0, username: "deskform", token: token, statePath: statePath)
                try FileManager.default.createDirectory(
                    atPath: (statePath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                let store = try SimulatorStore.open(options)
                let quiet = Logger(label: "deskform.local-instance", factory: { _ in SwiftLogNoOpLogHandler() })
                return try await withRunningSimulator(options, store: store, logger: quiet) { port in
                    let url = "http://127.0.0.1:\(port)"
                    let client = InvGateClient(
                        instanceURL: url, credentials: .basic(username: "deskform", token: token), transport: transport, logger: logger)
                    return try await body(client, url)
                }
            }
        }
    }
}
