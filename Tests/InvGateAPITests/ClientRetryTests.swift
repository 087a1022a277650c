import EstateModel
import InvGateAPI
import InvGateWire
import Synchronization
import TestSupport
import Testing

@Suite("Client: retries and outcome-unknown creates")
struct ClientRetryTests {
    private func client(_ transport: ScriptedTransport) -> InvGateClient {
        InvGateClient(
            instanceURL: "https://acme.example/", credentials: .basic(username: "api", token: "s3cret"),
            transport: transport, retryPolicy: .quick)
    }

    @Test("a GET is retried after 503, 429 and a dropped connection, then succeeds")
    func getIsRetried() async throws {
        let transport = ScriptedTransport([
            .answer(.json(503, #"{"status":"ERROR","error":"busy"}"#)),
            .answer(.json(429, "{}", headers: [("Retry-After", "1")])),
            .fail(.noAnswer("connection reset")),
            .answer(.json(200, #"[{"id":1,"name":"Acme IT","total":3}]"#)),
        ])
        let groups = try await client(transport).groups()
        #expect(groups == [GroupRecord(id: 1, name: "Acme IT", total: 3)])
        #expect(transport.requests.count == 4)
        #expect(transport.requests.allSatisfy { $0.url == "https://acme.example/api/v1/groups?page=1&page_size=500" && $0.method == .get })
    }

    @Test("retries stop at the policy's limit with the last status")
    func retriesAreCapped() async {
        let transport = ScriptedTransport(Array(repeating: .answer(.json(502, #"{"status":"ERROR","error":"bad gateway"}"#)), count: 9))
        await #expect(throws: InvGateError(.groups, .get, .status(502, error: "bad gateway", info: nil))) {
            _ = try await client(transport).groups()
        }
        #expect(transport.requests.count == RetryPolicy.quick.maxAttempts)
    }

    @Test("a create whose connection drops is not retried: its outcome is unknown")
    func createDroppedIsOutcomeUnknown() async {
        let transport = ScriptedTransport([.fail(.noAnswer("remote connection closed"))])
        await #expect(throws: InvGateError(.groups, .post, .outcomeUnknown("remote connection closed"))) {
            _ = try await client(transport).send(.createGroup(name: "Acme IT"))
        }
        #expect(transport.requests.count == 1)
    }

    @Test("a create answered 5xx is not retried: its outcome is unknown")
    func createServerErrorIsOutcomeUnknown() async throws {
        let transport = ScriptedTransport([.answer(.json(503, "{}"))])
        let error = await #expect(throws: InvGateError.self) {
            _ = try await client(transport).send(.createCompany(name: "Acme", externalID: "A-1"))
        }
        #expect(error?.isOutcomeUnknown == true)
        #expect(error?.description == "POST companies: outcome unknown (HTTP 503); look the object up before retrying")
        #expect(transport.requests.count == 1)
    }

    @Test(
        "no create is sent again after a 503 or a dropped connection: its outcome is unknown",
        arguments: [
            EstateOperation.createCompany(name: "Acme", externalID: "A-1"), .createGroup(name: "IT"),
            .createLocation(name: "Madrid", parentID: nil), .createKBCategory(name: "Network", parentID: 3),
            .addTreeOption(field: 2, name: "Paris", key: "par", parentHash: nil),
        ])
    func createsAreNotSentAgain(_ operation: EstateOperation) async {
        let faults: [ScriptedTransport.Step] = [.answer(.json(503, "{}")), .fail(.noAnswer("remote connection closed"))]
        for fault in faults {
            let transport = ScriptedTransport([fault, .answer(.json(200, #"{"status":"OK","id":7}"#))])
            let error = await #expect(throws: InvGateError.self) { try await client(transport).send(operation) }
            #expect(error?.isOutcomeUnknown == true, "\(operation) after \(fault)")
            #expect(transport.requests.count == 1, "\(operation) after \(fault)")
        }
    }

    @Test("a create refused with 429 was not carried out, so it is retried")
    func createRateLimitedIsRetried() async throws {
        let transport = ScriptedTransport([
            .answer(.json(429, "{}", headers: [("Retry-After", "0")])),
            .answer(.json(200, #"{"status":"OK","category_id":"12"}"#)),
        ])
        #expect(try await client(transport).create(.createKBCategory(name: "IT", parentID: nil)) == 12)
        #expect(transport.requests.count == 2)
        #expect(transport.requests[1].body == Array("name=IT".utf8))
    }

    @Test("a create that never connected is retried")
    func createNotConnectedIsRetried() async throws {
        let transport = ScriptedTransport([.fail(.notConnected("connection refused")), .answer(.json(200, #"{"id":5}"#))])
        #expect(try await client(transport).create(.createLocation(name: "Madrid", parentID: 2)) == 5)
        #expect(transport.requests.count == 2)
    }

    @Test("membership and option POSTs are idempotent in effect, so they are retried")
    func idempotentPostsAreRetried() async throws {
        let transport = ScriptedTransport([.fail(.noAnswer("timeout")), .answer(.json(200, #"{"4":true,"9":true}"#))])
        let answer = try await client(transport).relations(.addMembers(.company(1), users: [4, 9]))
        #expect(answer == RelationAnswer([4: true, 9: true]))
        #expect(transport.requests.map(\.body) == Array(repeating: Array("id=1&users%5B%5D=4&users%5B%5D=9".utf8), count: 2))
    }

    @Test("4xx answers and status ERROR are errors with the server's text, never retried")
    func clientErrors() async {
        let missing = ScriptedTransport([
            .answer(.json(404, #"{"status":"ERROR","error":"There is no company with id 9.","info":"unknown id"}"#))
        ])
        await #expect(throws: InvGateError(.companies, .delete, .status(404, error: "There is no company with id 9.", info: "unknown id")))
        {
            try await client(missing).send(.deleteCompany(id: 9))
        }
        #expect(missing.requests.count == 1)
        let refused = ScriptedTransport([.answer(.json(200, #"{"status":"ERROR","error":"Invalid type"}"#))])
        await #expect(throws: InvGateError(.customFieldListOptions, .post, .refused(error: "Invalid type", info: nil))) {
            try await client(refused).send(.upsertListOptions(field: 1, options: [ListOption(key: "a", value: "A")]))
        }
    }

    @Test("Retry-After is honoured: the wait is at least what the server asks, up to the cap")
    func retryAfterIsHonoured() {
        let policy = RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(100), maxDelay: .seconds(2), maxRetryAfter: .seconds(30))
        #expect(RetryPolicy.retryAfter("1") == .seconds(1))
        #expect(RetryPolicy.retryAfter("soon") == nil)
        for attempt in 1...3 {
            let wait = policy.delay(after: attempt, retryAfter: .seconds(1))
            #expect(wait >= .seconds(1) && wait <= .seconds(2))
        }
        #expect(policy.delay(after: 1, retryAfter: .seconds(120)) == .seconds(30))
    }

    @Test("backoff grows exponentially with jitter and is capped")
    func backoff() {
        let policy = RetryPolicy(maxAttempts: 10, baseDelay: .milliseconds(100), maxDelay: .seconds(1))
        for attempt in 1...8 {
            let ceiling = min(Duration.milliseconds(100) * (1 << (attempt - 1)), .seconds(1))
            let wait = policy.delay(after: attempt)
            #expect(wait >= ceiling / 2 && wait <= ceiling)
        }
    }
}

@Suite("Client: faults no retry can fix, and visible retries")
struct ClientFirstContactTests {
    @Test(
        "a fault that no retry can fix fails the first attempt, typed",
        arguments: [
            ConnectionFault.refused(host: "127.0.0.1", port: 1), .nameNotResolved(host: "acme.invalid"), .tls(.untrustedCertificate),
            .tls(.notTLS), .tls(.wrongHost), .tls(.expired(notValidAfter: 1_735_776_000)),
            .proxy(.authenticationRequired, host: "proxy.corp", port: 3128, variable: "HTTPS_PROXY"),
        ])
    func notRetried(fault: ConnectionFault) async {
        let transport = ScriptedTransport([.fail(.cannotConnect(fault)), .answer(.json(200, "[]"))])
        let client = InvGateClient(instanceURL: "https://acme.example", credentials: .none, transport: transport, retryPolicy: .standard)
        await #expect(throws: InvGateError(.groups, .get, .cannotConnect(fault))) { _ = try await client.groups() }
        #expect(transport.requests.count == 1)
    }

    @Test("401 and 403 are not retried")
    func authorizationNotRetried() async {
        for status in [401, 403] {
            let transport = ScriptedTransport([.answer(.json(status, #"{"status":"ERROR","error":"no"}"#)), .answer(.json(200, "[]"))])
            let client = InvGateClient(
                instanceURL: "https://acme.example", credentials: .none, transport: transport, retryPolicy: .standard)
            await #expect(throws: InvGateError(.groups, .get, .status(status, error: "no", info: nil))) { _ = try await client.groups() }
            #expect(transport.requests.count == 1)
        }
    }

    @Test("every retry is announced with why, the wait and the attempt")
    func retriesAreAnnounced() async throws {
        let transport = ScriptedTransport([
            .answer(.json(503, "{}")), .answer(.json(429, "{}", headers: [("Retry-After", "4")])), .answer(.json(200, "[]")),
        ])
        let notices = Notices()
        let policy = RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(1), maxDelay: .milliseconds(1), maxRetryAfter: .milliseconds(4))
        let client = InvGateClient(
            instanceURL: "https://acme.example", credentials: .none, transport: transport, retryPolicy: policy,
            onRetry: { notices.append($0) })
        _ = try await client.groups()
        #expect(notices.all.map(\.why) == ["the instance answered 503", "the instance answered 429 (too many requests)"])
        #expect(notices.all.map(\.nextAttempt) == [2, 3])
        #expect(notices.all.allSatisfy { $0.maxAttempts == 3 })
        #expect(
            RetryNotice(why: "the instance answered 503", wait: .seconds(4), nextAttempt: 3, maxAttempts: 10).description
                == "the instance answered 503; retrying in 4 s, attempt 3 of 10")
    }

    @Test("a 503's Retry-After is honoured, as a 429's is")
    func serviceUnavailableRetryAfter() async throws {
        let transport = ScriptedTransport([.answer(.json(503, "{}", headers: [("Retry-After", "4")])), .answer(.json(200, "[]"))])
        let notices = Notices()
        // Backoff alone would wait at most 1 ms; Retry-After asks for 4 s, capped here at 5 ms.
        let policy = RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(1), maxDelay: .milliseconds(1), maxRetryAfter: .milliseconds(5))
        let client = InvGateClient(
            instanceURL: "https://acme.example", credentials: .none, transport: transport, retryPolicy: policy,
            onRetry: { notices.append($0) })
        _ = try await client.groups()
        #expect(notices.all.map(\.wait) == [.milliseconds(5)])
        #expect(notices.all.map(\.why) == ["the instance answered 503"])
    }

    @Test("retries stop when the next wait would end past the total time allowed")
    func totalTimeIsBounded() async {
        for (bound, requests) in [(Duration.milliseconds(5), 1), (.seconds(60), 4)] {
            let transport = ScriptedTransport(Array(repeating: .answer(.json(503, "{}")), count: 4))
            // Every wait is 10–20 ms: none fits in 5 ms; all three fit in a minute.
            let policy = RetryPolicy(maxAttempts: 4, baseDelay: .milliseconds(20), maxDelay: .milliseconds(20), maxTotalTime: bound)
            let client = InvGateClient(instanceURL: "https://acme.example", credentials: .none, transport: transport, retryPolicy: policy)
            await #expect(throws: InvGateError(.groups, .get, .status(503, error: nil, info: nil))) { _ = try await client.groups() }
            #expect(transport.requests.count == requests)
        }
    }

    @Test("instance URLs: the root only, http or https")
    func instanceURLs() {
        #expect(throws: ConnectionFault.URLProblem.noScheme) { try InstanceURL.check("acme.example") }
        #expect(throws: ConnectionFault.URLProblem.unsupportedScheme("ftp")) { try InstanceURL.check("ftp://acme.example") }
        #expect(throws: ConnectionFault.URLProblem.pathAfterRoot("/api/v1")) { try InstanceURL.check("https://acme.example/api/v1/") }
        #expect(throws: ConnectionFault.URLProblem.noHost) { try InstanceURL.check("https://") }
        #expect(throws: ConnectionFault.URLProblem.badPort("99999")) { try InstanceURL.check("http://127.0.0.1:99999") }
        #expect(throws: ConnectionFault.URLProblem.badPort("0")) { try InstanceURL.check("https://acme.example:0/") }
        #expect(throws: ConnectionFault.URLProblem.badPort("https")) { try InstanceURL.check("https://acme.example:https") }
        #expect(throws: ConnectionFault.URLProblem.badPort("-1")) { try InstanceURL.check("http://[::1]:-1") }
        #expect(throws: Never.self) { try InstanceURL.check("http://[::1]:8080") }
        #expect(throws: Never.self) { try InstanceURL.check("http://[::1]") }
        #expect(throws: Never.self) { try InstanceURL.check("https://acme.example:65535") }
        #expect(throws: ConnectionFault.URLProblem.credentialsInURL) { try InstanceURL.check("https://api:s3cret@acme.example") }
        #expect(throws: ConnectionFault.URLProblem.credentialsInURL) { try InstanceURL.check("https://api@acme.example/") }
        #expect(InstanceURL.withoutCredentials("https://api:s3cret@acme.example:8443/") == "https://acme.example:8443/")
        #expect(InstanceURL.withoutCredentials("https://acme.example") == "https://acme.example")
        #expect(throws: ConnectionFault.URLProblem.credentialsInURL) { try InstanceURL.check("api:s3cret@acme.example") }
        #expect(InstanceURL.withoutCredentials("api:s3cret@acme.example/x") == "acme.example/x")
        #expect(throws: Never.self) { try InstanceURL.check("https://acme.example:8443/") }
    }

    @Test("proxies from the environment: by scheme, NO_PROXY honoured")
    func proxies() throws {
        let environment = [
            "HTTPS_PROXY": "http://proxy.corp:3128", "http_proxy": "proxy.corp:8080", "NO_PROXY": "localhost,.internal.corp",
        ]
        #expect(
            try NetworkSettings.fromEnvironment(environment, instanceURL: "https://acme.example").proxy
                == .init(host: "proxy.corp", port: 3128, variable: "HTTPS_PROXY"))
        #expect(
            try NetworkSettings.fromEnvironment(environment, instanceURL: "http://acme.example").proxy
                == .init(host: "proxy.corp", port: 8080, variable: "http_proxy"))
        #expect(try NetworkSettings.fromEnvironment(environment, instanceURL: "https://sd.internal.corp").proxy == nil)
        #expect(try NetworkSettings.fromEnvironment(environment, instanceURL: "https://localhost:8443").proxy == nil)
        #expect(throws: NetworkSettings.Problem.malformedProxy(variable: "HTTPS_PROXY")) {
            try NetworkSettings.fromEnvironment(["HTTPS_PROXY": "http://"], instanceURL: "https://acme.example")
        }
        #expect(throws: NetworkSettings.Problem.malformedProxy(variable: "HTTPS_PROXY")) {
            try NetworkSettings.fromEnvironment(["HTTPS_PROXY": "http://proxy.corp:70000"], instanceURL: "https://acme.example")
        }
        #expect(
            try NetworkSettings.fromEnvironment(["HTTPS_PROXY": "HTTP://proxy.corp:3128"], instanceURL: "https://acme.example").proxy?.host
                == "proxy.corp")
    }

    @Test("a proxy URL with another scheme than http:// is refused, naming the variable and never the password")
    func proxySchemes() {
        for (value, scheme) in [("https://ops:pa55@proxy.corp:3128", "https"), ("socks5://proxy.corp:1080", "socks5")] {
            let error = #expect(throws: NetworkSettings.Problem.unsupportedProxyScheme(variable: "HTTPS_PROXY", scheme: scheme)) {
                try NetworkSettings.fromEnvironment(["HTTPS_PROXY": value], instanceURL: "https://acme.example")
            }
            #expect(
                error?.description
                    == "HTTPS_PROXY is a \(scheme):// proxy, but only http:// proxies are supported (an HTTP proxy tunnels https requests too); set it to http://proxy.example:3128, or unset it"
            )
            #expect(error?.description.contains("pa55") == false)
        }
    }

    @Test("a proxy URL's user and password are percent-decoded, and the password is never described or dumped")
    func proxyCredentials() throws {
        let environment = ["HTTPS_PROXY": "http://ops%40acme:p%3As%2Fw%25rd@proxy.corp:3128"]
        let settings = try NetworkSettings.fromEnvironment(environment, instanceURL: "https://acme.example")
        let proxy = try #require(settings.proxy)
        #expect(proxy.credentials == .init(username: "ops@acme", password: "p:s/w%rd"))
        #expect("\(proxy)" == "the proxy proxy.corp:3128 (HTTPS_PROXY, user ops@acme)")
        for shown in ["\(proxy)", String(reflecting: proxy), String(reflecting: settings), "\(settings)"] {
            #expect(!shown.contains("p:s/w%rd") && !shown.contains("p%3As"), "\(shown)")
        }
        #expect(
            try NetworkSettings.fromEnvironment(["HTTPS_PROXY": "proxy.corp:3128"], instanceURL: "https://acme.example").proxy?.credentials
                == nil)
    }
}

/// Retry notices heard, in order.
final class Notices: Sendable {
    private let heard = Mutex<[RetryNotice]>([])
    func append(_ notice: RetryNotice) { heard.withLock { $0.append(notice) } }
    var all: [RetryNotice] { heard.withLock { $0 } }
}
