import Foundation
import InvGateWire
import Synchronization

/// An OAuth2 client the simulator knows: its credentials, the scopes granted to it in "InvGate" (nil:
/// every scope), and how long its tokens live.
package struct OAuthClient: Equatable, Sendable {
    package var id: String
    package var secret: String
    package var granted: Set<OAuthScope>?
    package var tokenLifetime: Duration

    package init(id: String, secret: String, granted: Set<OAuthScope>? = nil, tokenLifetime: Duration = .seconds(3600)) {
        self.id = id
        self.secret = secret
        self.granted = granted
        self.tokenLifetime = tokenLifetime
    }
}

/// The bearer tokens the simulator's token endpoint has handed out, with their scopes and expiry.
package final class IssuedTokens: Sendable {
    struct Token {
        var scopes: Set<OAuthScope>
        var expiry: ContinuousClock.Instant
    }

    /// Why a token request is refused: the OAuth2 error code and its description.
    struct Refusal: Error, Equatable {
        var status: Int
        var code: String
        var description: String

        var json: JSONValue { .object([("error", .string(code)), ("error_description", .string(description))]) }
    }

    private let tokens = Mutex<[String: Token]>([:])

    package init() {}

    /// A token for the client-credentials grant `parameters` carry, with the scopes they ask for
    /// (`scope`, space-separated: none when absent, as a client that asks for none gets none).
    func issue(_ parameters: ReceivedParameters, clients: [OAuthClient]) throws(Refusal) -> (token: String, lifetime: Duration) {
        guard parameters.scalars["grant_type"] == "client_credentials" else {
            throw Refusal(status: 400, code: "unsupported_grant_type", description: "Only client_credentials is supported.")
        }
        guard let client = clients.first(where: { $0.id == parameters.scalars["client_id"] }),
            client.secret == parameters.scalars["client_secret"]
        else {
            throw Refusal(status: 401, code: "invalid_client", description: "Client authentication failed.")
        }
        let asked = (parameters.scalars["scope"] ?? "").split(separator: " ").map(String.init)
        var scopes: Set<OAuthScope> = []
        var refused: [String] = []
        for text in asked {
            if let scope = OAuthScope(text), client.granted?.contains(scope) ?? true {
                scopes.insert(scope)
            } else {
                refused.append(text)
            }
        }
        guard refused.isEmpty else {
            throw Refusal(
                status: 400, code: "invalid_scope",
                description: "The client was not granted \(refused.sorted().joined(separator: ", ")).")
        }
        let token = UUID().uuidString.lowercased()
        tokens.withLock { $0[token] = Token(scopes: scopes, expiry: .now + client.tokenLifetime) }
        return (token, client.tokenLifetime)
    }

    /// The scopes of a token that has not expired; nil for an unknown or expired one.
    func scopes(of token: String) -> Set<OAuthScope>? {
        tokens.withLock { tokens in
            guard let issued = tokens[token], ContinuousClock.now < issued.expiry else { return nil }
            return issued.scopes
        }
    }

    /// Lets every token handed out so far expire now (tests: a token that lapses before its time).
    package func expireAll() {
        tokens.withLock { tokens in
            for key in tokens.keys { tokens[key]?.expiry = .now }
        }
    }

    /// How many tokens were handed out.
    package var count: Int { tokens.withLock { $0.count } }
}
