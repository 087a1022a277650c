import ArgumentParser
import Foundation
import Logging
import Simulator

/// `deskform simulator`: serves an InvGate-compatible API over a local estate.
package struct SimulatorCommand: AsyncParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "simulator",
        abstract: "Run a local InvGate-compatible API simulator.",
        discussion: """
            Serves the InvGate Service Management API at http://HOST:PORT/api/v1/ over an estate that \
            starts from --state (if the file exists), else --seed, else the built-in demo seed. With \
            --state, every write is saved to the file.
            """
    )

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0: any free port).")
    var port = 8080

    @Option(help: "The API user that HTTP Basic credentials must name.")
    var username = "api"

    @Option(help: "The API token that HTTP Basic credentials must carry.")
    var token = "deskform"

    @Option(help: "A JSON file to persist the estate to after every write, and reload on start.")
    var state: String?

    @Option(help: "A YAML seed file to start from when there is no state file.")
    var seed: String?

    @Option(help: "Milliseconds to wait before answering each request.")
    var latency = 0

    @Option(name: .customLong("fault-rate"), help: "The fraction (0...1) of write requests that fail: 503, 429 or a dropped connection.")
    var faultRate = 0.0

    @Option(name: .customLong("fault-seed"), help: "Seeds the choice of failing writes, for reproducible runs.")
    var faultSeed: UInt64?

    @Option(name: .customLong("rate-limit"), help: "At most N requests a second; beyond it, 429 with Retry-After.")
    var rateLimit: Int?

    @Option(
        help: """
            How answers are worded: reference (as the API reference shows them) or rough (as live instances \
            answer: numbers as strings, id-keyed maps, pages of 20 rows, refusals on HTTP 200, 428 in Spanish).
            """)
    var dialect: SimulatorDialect = .reference

    @Option(
        name: .customLong("oauth-client"),
        help: "An OAuth2 client, ID:SECRET, that POST /oauth/v2.0/access_token accepts, granted every scope (repeatable).")
    var oauthClients: [String] = []

    package init() {}

    package func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535.") }
        guard latency >= 0 else { throw ValidationError("--latency must not be negative.") }
        guard (0...1).contains(faultRate) else { throw ValidationError("--fault-rate must be between 0 and 1.") }
        if let rateLimit, rateLimit < 1 { throw ValidationError("--rate-limit must be at least 1 (requests a second).") }
        for client in oauthClients where client.firstIndex(of: ":").map({ $0 == client.startIndex || $0 == client.index(before: client.endIndex) }) ?? true {
            throw ValidationError("--oauth-client must be ID:SECRET, both non-empty.")
        }
    }

    var options: SimulatorOptions {
        var options = SimulatorOptions(
            host: host, port: port, username: username, token: token, statePath: state, seedPath: seed,
            latency: .milliseconds(latency), faultRate: faultRate, faultSeed: faultSeed)
        options.rateLimit = rateLimit
        options.dialect = dialect
        options.oauthClients = oauthClients.map { client in
            let colon = client.firstIndex(of: ":")!
            return OAuthClient(id: String(client[..<colon]), secret: String(client[client.index(after: colon)...]))
        }
        return options
    }

    package func run() async throws {
        var logger = Logger(label: "deskform.simulator") { label in StreamLogHandler.standardError(label: label) }
        logger.logLevel = .warning
        let host = self.host
        let username = self.username
        let console = Console.standard(whenOutputCloses: .carryOn)
        let options = self.options
        // An unreadable state or seed, a port in use: one sentence, as every command says its errors.
        let code = await console.run {
            try await runSimulator(options, logger: logger) { port in
                console.out("deskform simulator listening on http://\(host):\(port)/api/v1/ (user \(username))\n")
            }
        }
        if code != 0 { throw ExitCode(code) }
    }
}

extension SimulatorDialect: ExpressibleByArgument {}
