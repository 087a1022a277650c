/// An OAuth2 scope as InvGate names them: one per endpoint and method, `api.v1.<endpoint>:<method>`
/// (`api.v1.companies:get`, `api.v1.companies.users:post`). An OAuth client is granted scopes in
/// InvGate, and a token carries those it was requested with.
package struct OAuthScope: Hashable, Comparable, Sendable, CustomStringConvertible {
    package var endpoint: Endpoint
    package var method: Method

    package init(_ endpoint: Endpoint, _ method: Method) {
        self.endpoint = endpoint
        self.method = method
    }

    /// Reads `api.v1.companies.users:post`; nil for anything else.
    package init?(_ text: String) {
        guard text.hasPrefix("api.v1."), let colon = text.lastIndex(of: ":"),
            let endpoint = Endpoint(rawValue: String(text[text.index(text.startIndex, offsetBy: 7)..<colon])),
            let method = Method(rawValue: text[text.index(after: colon)...].uppercased())
        else { return nil }
        self.init(endpoint, method)
    }

    package var description: String { "api.v1.\(endpoint.rawValue):\(method.rawValue.lowercased())" }

    package static func < (lhs: OAuthScope, rhs: OAuthScope) -> Bool { (lhs.endpoint, lhs.method) < (rhs.endpoint, rhs.method) }

    /// The scopes of the catalogue's GETs of `endpoints`, and `sd.version`'s, which every command asks first.
    package static func reading(_ endpoints: some Sequence<Endpoint>) -> Set<OAuthScope> {
        Set(endpoints.map { OAuthScope($0, .get) } + [OAuthScope(.version, .get)])
    }
}

extension WireCall {
    /// The scope a token needs to make this call.
    package var scope: OAuthScope { OAuthScope(endpoint, method) }
}
