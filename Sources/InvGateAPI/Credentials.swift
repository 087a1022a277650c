/// How the client authenticates. Its description names the scheme only: no user, client id or secret.
package enum Credentials: Equatable, Sendable, CustomStringConvertible {
    /// HTTP Basic with an API user and its token.
    case basic(username: String, token: String)
    /// OAuth2 client credentials, exchanged at `tokenURL` for a bearer token.
    case oauth2(clientID: String, clientSecret: String, tokenURL: String)
    case none

    /// A pair of variables set by half: the one that is missing, and the one that is set.
    package struct HalfSet: Error, Equatable, Sendable, CustomStringConvertible {
        package var missing: String
        package var present: String
        package var description: String {
            "\(present) is set but \(missing) is not; set \(missing) as well, or unset \(present)"
        }
    }

    /// Reads `INVGATE_USERNAME` + `INVGATE_TOKEN`, or `INVGATE_CLIENT_ID` + `INVGATE_CLIENT_SECRET`
    /// (+ `INVGATE_TOKEN_URL`, default `INSTANCE/oauth/v2.0/access_token`); OAuth2 wins when both pairs
    /// are set. Fails when a pair is set by half.
    package static func fromEnvironment(_ environment: [String: String], instanceURL: String) throws(HalfSet) -> Credentials {
        func value(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        for (first, second) in [("INVGATE_CLIENT_ID", "INVGATE_CLIENT_SECRET"), ("INVGATE_USERNAME", "INVGATE_TOKEN")] {
            switch (value(first), value(second)) {
            case (.some, nil): throw HalfSet(missing: second, present: first)
            case (nil, .some): throw HalfSet(missing: first, present: second)
            default: continue
            }
        }
        if let id = value("INVGATE_CLIENT_ID"), let secret = value("INVGATE_CLIENT_SECRET") {
            let tokenURL = value("INVGATE_TOKEN_URL") ?? Self.trimmedRoot(instanceURL) + "/oauth/v2.0/access_token"
            return .oauth2(clientID: id, clientSecret: secret, tokenURL: tokenURL)
        }
        if let username = value("INVGATE_USERNAME"), let token = value("INVGATE_TOKEN") {
            return .basic(username: username, token: token)
        }
        return .none
    }

    /// Whether a token is fetched with OAuth2 client credentials (and scopes matter).
    package var isOAuth2: Bool {
        if case .oauth2 = self { return true }
        return false
    }

    /// Whether both Basic and OAuth2 variables are set (OAuth2 is then used).
    package static func bothSchemesSet(_ environment: [String: String]) -> Bool {
        ["INVGATE_USERNAME", "INVGATE_TOKEN", "INVGATE_CLIENT_ID", "INVGATE_CLIENT_SECRET"].allSatisfy { environment[$0]?.isEmpty == false }
    }

    package var description: String {
        switch self {
        case .basic: "HTTP Basic auth"
        case .oauth2(_, _, let tokenURL): "OAuth2 client credentials, token from \(tokenURL)"
        case .none: "no credentials"
        }
    }

    static func trimmedRoot(_ url: String) -> String {
        var root = url
        while root.hasSuffix("/") { root.removeLast() }
        return root
    }
}
