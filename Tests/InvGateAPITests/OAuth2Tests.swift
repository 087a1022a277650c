import Hummingbird
import HummingbirdTesting
import InvGateAPI
import InvGateWire
import NIOCore
import Synchronization
import Testing

/// A token endpoint and one protected API endpoint, over a real loopback socket.
private final class TokenServer: Sendable {
    private let state = Mutex((issued: 0, valid: Set<String>(), bodies: [String]()))

    var issued: Int { state.withLock { $0.issued } }
    var tokenRequestBodies: [String] { state.withLock { $0.bodies } }
    func revokeAll() { state.withLock { $0.valid.removeAll() } }

    func application() -> some ApplicationProtocol {
        let router = Router()
        router.post("/oauth/v2.0/access_token") { request, _ -> Response in
            let body = String(buffer: try await request.body.collect(upTo: 1 << 16))
            let pairs = Dictionary(FormEncoding.decodePairs(body).map { ($0.name, $0.value) }, uniquingKeysWith: { $1 })
            guard pairs["grant_type"] == "client_credentials", pairs["client_id"] == "deskform",
                pairs["client_secret"] == "top-secret"
            else {
                return Self.json(.unauthorized, #"{"error":"invalid_client"}"#)
            }
            let token = self.state.withLock { state -> String in
                state.issued += 1
                state.bodies.append(body)
                let token = "token-\(state.issued)"
                state.valid.insert(token)
                return token
            }
            return Self.json(.ok, #"{"access_token":"\#(token)","token_type":"Bearer","expires_in":3600}"#)
        }
        router.get("/api/v1/sd.version") { request, _ -> Response in
            let header = request.headers[.authorization] ?? ""
            let valid = self.state.withLock { $0.valid.contains(String(header.dropFirst("Bearer ".count))) }
            guard header.hasPrefix("Bearer "), valid else {
                return Self.json(.unauthorized, #"{"status":"ERROR","error":"Unauthorized"}"#)
            }
            return Self.json(.ok, #"{"version":"7.5.0"}"#)
        }
        return Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
    }

    private static func json(_ status: HTTPResponse.Status, _ text: String) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}

@Suite("Client: OAuth2 client credentials")
struct OAuth2Tests {
    @Test("the token is fetched once, cached, and fetched again once after a 401")
    func tokenFlow() async throws {
        let server = TokenServer()
        try await server.application().test(.live) { testClient in
            let root = "http://127.0.0.1:\(try #require(testClient.port))"
            try await withHTTPTransport { (transport) async throws in
                let credentials = try Credentials.fromEnvironment(
                    ["INVGATE_CLIENT_ID": "deskform", "INVGATE_CLIENT_SECRET": "top-secret"], instanceURL: root + "/")
                #expect(
                    credentials == .oauth2(clientID: "deskform", clientSecret: "top-secret", tokenURL: root + "/oauth/v2.0/access_token"))
                let client = InvGateClient(instanceURL: root, credentials: credentials, transport: transport, retryPolicy: .quick)

                #expect(try await client.version() == "7.5.0")
                #expect(try await client.version() == "7.5.0")
                #expect(server.issued == 1)
                #expect(server.tokenRequestBodies == ["grant_type=client_credentials&client_id=deskform&client_secret=top-secret"])

                server.revokeAll()
                #expect(try await client.version() == "7.5.0")
                #expect(server.issued == 2)
            }
        }
    }

    @Test("a token URL whose port no server can listen on fails as a malformed URL, with nothing sent (the HTTP library would trap)")
    func tokenURLPortOutOfRange() async throws {
        try await withHTTPTransport { (transport) async throws in
            let credentials = Credentials.oauth2(clientID: "deskform", clientSecret: "top-secret", tokenURL: "http://127.0.0.1:99999/token")
            let client = InvGateClient(instanceURL: "http://127.0.0.1:1", credentials: credentials, transport: transport, retryPolicy: .quick)
            await #expect(throws: InvGateError(.version, .get, .cannotConnect(.malformedURL(.badPort("99999"))))) {
                _ = try await client.version()
            }
        }
    }

    @Test("a refused client secret fails with an error that never shows the secret")
    func refusedSecret() async throws {
        let server = TokenServer()
        try await server.application().test(.live) { testClient in
            let root = "http://127.0.0.1:\(try #require(testClient.port))"
            try await withHTTPTransport { (transport) async throws in
                let credentials = Credentials.oauth2(
                    clientID: "deskform", clientSecret: "wrong-secret", tokenURL: root + "/oauth/v2.0/access_token")
                let client = InvGateClient(instanceURL: root, credentials: credentials, transport: transport, retryPolicy: .quick)
                let error = await #expect(throws: InvGateError.self) { _ = try await client.version() }
                #expect(error == InvGateError(.version, .get, .authentication("the token endpoint answered HTTP 401 (invalid_client)")))
                #expect(error?.description.contains("wrong-secret") == false)
                #expect(!credentials.description.contains("wrong-secret"))
            }
        }
    }
}

@Suite("Credentials")
struct CredentialsTests {
    @Test("Basic from the environment; OAuth2 wins when both are set; descriptions redact secrets")
    func fromEnvironment() throws {
        let basic = try Credentials.fromEnvironment(["INVGATE_USERNAME": "api", "INVGATE_TOKEN": "t0ken"], instanceURL: "https://x")
        #expect(basic == .basic(username: "api", token: "t0ken"))
        #expect(basic.description == "HTTP Basic auth")
        let both = try Credentials.fromEnvironment(
            [
                "INVGATE_USERNAME": "api", "INVGATE_TOKEN": "t0ken", "INVGATE_CLIENT_ID": "c", "INVGATE_CLIENT_SECRET": "s",
                "INVGATE_TOKEN_URL": "https://login.example/token",
            ], instanceURL: "https://x")
        #expect(both == .oauth2(clientID: "c", clientSecret: "s", tokenURL: "https://login.example/token"))
        #expect(try Credentials.fromEnvironment([:], instanceURL: "https://x") == .none)
    }

    @Test(
        "a pair set by half names the missing variable",
        arguments: [
            (
                ["INVGATE_USERNAME": "api"],
                "INVGATE_USERNAME is set but INVGATE_TOKEN is not; set INVGATE_TOKEN as well, or unset INVGATE_USERNAME"
            ),
            (
                ["INVGATE_TOKEN": "t"],
                "INVGATE_TOKEN is set but INVGATE_USERNAME is not; set INVGATE_USERNAME as well, or unset INVGATE_TOKEN"
            ),
            (
                ["INVGATE_CLIENT_ID": "c", "INVGATE_USERNAME": "api", "INVGATE_TOKEN": "t"],
                "INVGATE_CLIENT_ID is set but INVGATE_CLIENT_SECRET is not; set INVGATE_CLIENT_SECRET as well, or unset INVGATE_CLIENT_ID"
            ),
            (
                ["INVGATE_CLIENT_SECRET": "s"],
                "INVGATE_CLIENT_SECRET is set but INVGATE_CLIENT_ID is not; set INVGATE_CLIENT_ID as well, or unset INVGATE_CLIENT_SECRET"
            ),
        ])
    func halfSet(environment: [String: String], message: String) {
        let error = #expect(throws: Credentials.HalfSet.self) { try Credentials.fromEnvironment(environment, instanceURL: "https://x") }
        #expect(error?.description == message)
        #expect(error?.description.contains("api") == false)
    }

    @Test("Basic credentials go in the Authorization header only")
    func basicHeader() async throws {
        let transport = ScriptedTransport([.answer(.json(200, #"{"version":"7.5.0"}"#))])
        let client = InvGateClient(
            instanceURL: "https://acme.example", credentials: .basic(username: "api", token: "t0ken"), transport: transport)
        _ = try await client.version()
        let request = try #require(transport.requests.first)
        #expect(request.header("Authorization") == "Basic YXBpOnQwa2Vu")
        #expect(request.url == "https://acme.example/api/v1/sd.version")
    }
}

@Suite("Client: a token endpoint that is busy or out of reach")
struct TokenEndpointRetryTests {
    private static let tokenURL = "https://login.example/token"

    private func client(_ transport: ScriptedTransport, notices: Notices? = nil) -> InvGateClient {
        InvGateClient(
            instanceURL: "https://acme.example/",
            credentials: .oauth2(clientID: "deskform", clientSecret: "top-secret", tokenURL: Self.tokenURL),
            transport: transport, retryPolicy: .quick, onRetry: { notices?.append($0) })
    }

    @Test("a 429, a 503 and a dropped connection from the token endpoint are retried, then the token is used")
    func retried() async throws {
        let transport = ScriptedTransport([
            .answer(.json(429, "{}", headers: [("Retry-After", "0")])),
            .answer(.json(503, "{}")),
            .fail(.noAnswer("connection reset")),
            .answer(.json(200, #"{"access_token":"token-1","expires_in":3600}"#)),
            .answer(.json(200, #"{"version":"7.5.0"}"#)),
        ])
        let notices = Notices()
        #expect(try await client(transport, notices: notices).version() == "7.5.0")
        #expect(transport.requests.map(\.url) == Array(repeating: Self.tokenURL, count: 4) + ["https://acme.example/api/v1/sd.version"])
        #expect(transport.requests.last?.headers.first { $0.name == "Authorization" }?.value == "Bearer token-1")
        #expect(
            notices.all.map(\.why) == [
                "the token endpoint answered HTTP 429", "the token endpoint answered HTTP 503",
                "the token endpoint could not be reached (connection reset)",
            ])
    }

    @Test("when the retries run out the instance is unreachable, not the credentials wrong")
    func exhausted() async {
        let busy = ScriptedTransport(Array(repeating: .answer(.json(502, "{}")), count: 9))
        await #expect(throws: InvGateError(.version, .get, .unreachable("the token endpoint answered HTTP 502"))) {
            _ = try await client(busy).version()
        }
        #expect(busy.requests.count == RetryPolicy.quick.maxAttempts)

        let down = ScriptedTransport(Array(repeating: .fail(.notConnected("connection refused")), count: 9))
        let error = await #expect(throws: InvGateError.self) { _ = try await client(down).version() }
        #expect(error == InvGateError(.version, .get, .unreachable("the token endpoint could not be reached (connection refused)")))
        #expect(
            error?.description
                == "GET sd.version: the instance could not be reached (the token endpoint could not be reached (connection refused))")
    }

    @Test("another refusal, or an answer without a token, is an authentication failure at once")
    func refused() async {
        let forbidden = ScriptedTransport([.answer(.json(400, #"{"error":"invalid_client"}"#))])
        await #expect(throws: InvGateError(.version, .get, .authentication("the token endpoint answered HTTP 400 (invalid_client)"))) {
            _ = try await client(forbidden).version()
        }
        #expect(forbidden.requests.count == 1)

        let tokenless = ScriptedTransport([.answer(.json(200, #"{"token_type":"Bearer"}"#))])
        await #expect(throws: InvGateError(.version, .get, .authentication("the token endpoint's answer has no access_token"))) {
            _ = try await client(tokenless).version()
        }
        #expect(tokenless.requests.count == 1)
    }
}
