import Foundation
import InvGateWire

extension InvGateClient {
    /// The `Authorization` header for a request, and the bearer token in it (to invalidate after a 401).
    func authorization(_ endpoint: Endpoint, _ method: Method) async throws(InvGateError) -> (header: String?, token: String?) {
        switch credentials {
        case .none:
            return (nil, nil)
        case .basic(let username, let token):
            return ("Basic " + Data("\(username):\(token)".utf8).base64EncodedString(), nil)
        case .oauth2(let clientID, let clientSecret, let tokenURL):
            do {
                let (transport, retryPolicy, onRetry) = (self.transport, self.retryPolicy, self.onRetry)
                let scopes = self.scopes
                let token = try await tokens.token(scopes: scopes) {
                    try await Self.fetchToken(
                        transport: transport, tokenURL: tokenURL, clientID: clientID, clientSecret: clientSecret,
                        scopes: scopes, retryPolicy: retryPolicy, onRetry: onRetry)
                }
                return ("Bearer " + token, token)
            } catch let error as InvGateError.Reason {
                throw InvGateError(endpoint, method, error)
            } catch {
                throw InvGateError(endpoint, method, .authentication(String(describing: error)))
            }
        }
    }

    /// POSTs the client credentials and the scopes asked for (`scope`, space-separated; none when
    /// empty) to the token endpoint and reads `access_token` and `expires_in`.
    /// A 429, a 5xx or a lost connection is retried as a safe request is (`retryPolicy`), and fails with
    /// ``InvGateError/Reason/unreachable(_:)`` when the retries run out: only another refusal or an
    /// answer without a token is ``InvGateError/Reason/authentication(_:)`` (bad credentials).
    static func fetchToken(
        transport: any HTTPTransport, tokenURL: String, clientID: String, clientSecret: String, scopes: Set<String> = [],
        retryPolicy: RetryPolicy = .standard, onRetry: (@Sendable (RetryNotice) -> Void)? = nil
    ) async throws(InvGateError.Reason) -> (String, Duration) {
        var body: FormParameters = [
            "grant_type": .string("client_credentials"), "client_id": .string(clientID),
            "client_secret": .string(clientSecret),
        ]
        if !scopes.isEmpty { body["scope"] = .string(scopes.sorted().joined(separator: " ")) }
        let request = WireRequest(
            method: .post, url: tokenURL,
            headers: [("Content-Type", "application/x-www-form-urlencoded"), ("Accept", "application/json")],
            body: Array(FormEncoding.encode(body).utf8)
        )
        var attempt = 0
        let began = ContinuousClock.now
        while true {
            attempt += 1
            let why: String
            var wait = retryPolicy.delay(after: attempt)
            let outcome: Result<WireResponse, TransportFailure>
            do {
                outcome = .success(try await transport.send(request))
            } catch {
                outcome = .failure(error)
            }
            switch outcome {
            case .failure(.cannotConnect(let fault)): throw .cannotConnect(fault)
            case .failure(.cancelled): throw .cancelled
            case .failure(.notConnected(let detail)), .failure(.noAnswer(let detail)):
                why = "the token endpoint could not be reached (\(detail))"
            case .success(let response):
                switch response.status {
                case 200..<300:
                    guard let json = try? JSONValue.parse(response.body), let token = json["access_token"]?.string, !token.isEmpty
                    else {
                        throw .authentication("the token endpoint's answer has no access_token")
                    }
                    let lifetime = json["expires_in"]?.int ?? 3600
                    return (token, .seconds(lifetime))
                case 429, 500..<600:
                    why = "the token endpoint answered HTTP \(response.status)"
                    wait = retryPolicy.delay(after: attempt, retryAfter: RetryPolicy.retryAfter(response.header("Retry-After")))
                default:
                    // The OAuth2 error (`invalid_client`, `invalid_scope` naming the scope) and its description.
                    let json = try? JSONValue.parse(response.body)
                    let said = [json?["error"]?.string, json?["error_description"]?.string].compactMap { $0 }.joined(separator: ": ")
                    throw .authentication("the token endpoint answered HTTP \(response.status)" + (said.isEmpty ? "" : " (\(said))"))
                }
            }
            guard attempt < retryPolicy.maxAttempts, ContinuousClock.now - began + wait <= retryPolicy.maxTotalTime else {
                throw .unreachable(why)
            }
            onRetry?(RetryNotice(why: why, wait: wait, nextAttempt: attempt + 1, maxAttempts: retryPolicy.maxAttempts))
            do {
                try await Task.sleep(for: wait)
            } catch {
                throw .cancelled
            }
        }
    }
}

extension InvGateClient {
    /// The OAuth2 scopes the token is requested with; none until the command says (``requestScopes(_:)``).
    var scopes: Set<String> { requestedScopes.withLock { $0 } }

    /// Asks for a token with exactly `scopes` from the next request on (OAuth2 only; Basic ignores it).
    /// A command asks for the read scopes of what it reads, and `apply` adds the write scopes of its plan.
    package func requestScopes(_ scopes: some Sequence<OAuthScope>) {
        requestScopes(named: Set(scopes.map(\.description)))
    }

    /// Asks for a token with exactly these scopes, as written (`INVGATE_SCOPES`).
    package func requestScopes(named scopes: Set<String>) {
        requestedScopes.withLock { $0 = scopes }
    }

    /// The scopes asked for so far.
    package var requestedScopeNames: Set<String> { scopes }
}
