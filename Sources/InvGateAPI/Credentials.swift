/// How the client authenticates. Its description names the scheme only: no user, client id or secret.
public enum Credentials: Equatable, Sendable, CustomStringConvertible {
    /// HTTP Basic with an API user and its token.
    case basic(username: String, token: String)
    /// OAuth2 client credentials, exchanged at `tokenURL` for a bearer token.
    case oauth2(clientID: String, clientSecret: String, tokenURL: String)
    case none

    /// Reads `INVGATE_USERNAME` + `INVGATE_TOKEN`, or `INVGATE_CLIENT_ID` + `INVGATE_CLIENT_SECRET`
    /// (+ `INVGATE_TOKEN_URL`, default `INSTANCE/oauth/v2.0/access_token`).
    public static func fromEnvironment(_ environment: [String: String], instanceURL: String) -> Credentials {
        if let id = environment["INVGATE_CLIENT_ID"], let secret = environment["INVGATE_CLIENT_SECRET"],
            !id.isEmpty, !secret.isEmpty
        {
            let tokenURL = environment["INVGATE_TOKEN_URL"].flatMap { $0.isEmpty ? nil : $0 }
                ?? Self.trimmedRoot(instanceURL) + "/oauth/v2.0/access_token"
            return .oauth2(clientID: id, clientSecret: secret, tokenURL: tokenURL)
        }
        if let username = environment["INVGATE_USERNAME"], let token = environment["INVGATE_TOKEN"], !username.isEmpty {
            return .basic(username: username, token: token)
        }
        return .none
    }

    public var description: String {
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
