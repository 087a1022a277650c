import InvGateWire

/// How a simulator listens, whom it lets in, where its estate comes from and which faults it injects.
package struct SimulatorOptions: Equatable, Sendable {
    package var host: String
    package var port: Int
    /// The API user and token a request must carry as HTTP Basic credentials.
    package var username: String
    package var token: String
    /// A JSON file the estate is persisted to after every write, and reloaded from on start.
    package var statePath: String?
    /// A YAML fixture to start from when there is no state file; nil starts from the demo seed.
    package var seedPath: String?
    /// Waited before answering each request.
    package var latency: Duration
    /// The fraction (0…1) of write requests (POST, PUT, DELETE) that fail with one of `faults`.
    package var faultRate: Double
    /// The faults drawn from, at random, when a write is chosen to fail.
    package var faults: [Fault]
    /// Seeds the fault dice, for reproducible runs; nil draws a seed.
    package var faultSeed: UInt64?
    /// Endpoints the API user may not use: every request to one is answered 403.
    package var forbidden: Set<Endpoint> = []
    /// At most this many requests a second; beyond it, 429 with `Retry-After`. Nil: no limit.
    package var rateLimit: Int?
    /// An instance briefly down: its first requests, reads included, are answered 503. Nil: none.
    package var outage: Outage?
    /// OAuth2 clients the token endpoint (`POST /oauth/v2.0/access_token`) knows; HTTP Basic with
    /// `username` and `token` is accepted as well.
    package var oauthClients: [OAuthClient] = []
    /// How answers are worded: as the reference shows them, or as live instances answer.
    package var dialect: SimulatorDialect = .reference

    package init(
        host: String = "127.0.0.1", port: Int = 8080, username: String = "api", token: String = "deskform",
        statePath: String? = nil, seedPath: String? = nil, latency: Duration = .zero, faultRate: Double = 0,
        faults: [Fault] = Fault.allCases, faultSeed: UInt64? = nil
    ) {
        self.host = host
        self.port = port
        self.username = username
        self.token = token
        self.statePath = statePath
        self.seedPath = seedPath
        self.latency = latency
        self.faultRate = faultRate
        self.faults = faults
        self.faultSeed = faultSeed
    }
}

/// The first `requests` requests, whatever they are, answered 503 before acting; each with
/// `Retry-After: retryAfter` (seconds) when it is set.
package struct Outage: Equatable, Sendable {
    package var requests: Int
    package var retryAfter: Int?

    package init(requests: Int, retryAfter: Int? = nil) {
        self.requests = requests
        self.retryAfter = retryAfter
    }
}

/// A failure the simulator injects into a write request.
package enum Fault: String, CaseIterable, Equatable, Sendable {
    /// 503 before acting.
    case unavailable
    /// 429 with `Retry-After: 1` before acting.
    case rateLimited
    /// Acts, then drops the connection before the answer is complete.
    case droppedConnection
}
