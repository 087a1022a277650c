import EstateModel
import Hummingbird
import InvGateAPI
import Logging
import Simulator

/// A simulator running on 127.0.0.1 on a port of its own, for a test's duration.
package struct LiveSimulator: Sendable {
    /// The instance root, e.g. `http://127.0.0.1:53211`.
    package let url: String
    package let port: Int
    package let store: SimulatorStore
    package let options: SimulatorOptions
    /// A client with the simulator's credentials over a live AsyncHTTPClient transport.
    package let client: InvGateClient
    package let transport: AsyncHTTPTransport

    /// Another client over the same transport, e.g. with another retry policy.
    package func client(retryPolicy: RetryPolicy) -> InvGateClient {
        InvGateClient(instanceURL: url, credentials: credentials, transport: transport, retryPolicy: retryPolicy)
    }

    package var credentials: Credentials { .basic(username: options.username, token: options.token) }
}

/// Runs a simulator over `estate` on 127.0.0.1, port 0 (any free port), runs `body` with it, and
/// stops it. `options` give credentials, latency and faults; their host and port are ignored.
/// `dialect` (when given) overrides the options' one; in the rough dialect the estate also holds a
/// deleted user (``Fixtures/withDeletedTwin(_:)``), as live instances list deleted users.
package func withLiveSimulator<Value: Sendable>(
    estate: Estate = Fixtures.demoEstate, options: SimulatorOptions = SimulatorOptions(), dialect: SimulatorDialect? = nil,
    retryPolicy: RetryPolicy = .standard, maxConnections: Int = 8,
    _ body: @Sendable (LiveSimulator) async throws -> Value
) async throws -> Value {
    var options = options
    options.host = "127.0.0.1"
    options.port = 0
    if let dialect { options.dialect = dialect }
    let estate = options.dialect == .rough ? Fixtures.withDeletedTwin(estate) : estate
    let store = SimulatorStore(
        estate: estate, stateFile: options.statePath.map(StateFile.init(path:)), faultSeed: options.faultSeed)
    let settled = options
    return try await withRunningSimulator(settled, store: store, logger: Fixtures.quietLogger) { port in
        let options = settled
        let url = "http://127.0.0.1:\(port)"
        return try await withHTTPTransport(
            connectTimeout: .seconds(5), readTimeout: .seconds(20), maxConnections: maxConnections
        ) { transport in
            let client = InvGateClient(
                instanceURL: url, credentials: .basic(username: options.username, token: options.token),
                transport: transport, retryPolicy: retryPolicy, logger: Fixtures.quietLogger)
            return try await body(LiveSimulator(url: url, port: port, store: store, options: options, client: client, transport: transport))
        }
    }
}
