import Foundation
import Hummingbird
import InvGateWire
import Synchronization

/// What every request passes first: an outage, the rate limit, the injected latency, then HTTP Basic
/// authentication or a bearer token with the call's scope (not the token endpoint's own requests);
/// and the ERROR answer for a path that is no endpoint.
struct SimulatorGate<Context: RequestContext>: RouterMiddleware {
    let options: SimulatorOptions
    let rateLimit: RequestRateLimit?
    /// How many requests the outage has still to refuse.
    let outageLeft: Countdown
    let tokens: IssuedTokens

    init(options: SimulatorOptions, tokens: IssuedTokens) {
        self.options = options
        self.tokens = tokens
        self.rateLimit = options.rateLimit.map { RequestRateLimit(perSecond: $0) }
        self.outageLeft = Countdown(options.outage?.requests ?? 0)
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let outage = options.outage, outageLeft.take() {
            return InvGateSimulator.response(for: .unavailable(retryAfter: outage.retryAfter))
        }
        if let rateLimit, let wait = rateLimit.take() {
            return InvGateSimulator.response(for: .rateLimited(retryAfter: wait))
        }
        if options.latency > .zero { try await Task.sleep(for: options.latency) }
        let endpoint = Endpoint(rawValue: String(request.uri.path.split(separator: "/").last ?? ""))
        if request.uri.path != InvGateSimulator.tokenPath {
            switch access(request.headers[.authorization]) {
            case .denied:
                return InvGateSimulator.response(for: .unauthorized)
            case .scoped(let scopes):
                if let endpoint, let method = Method(rawValue: request.method.rawValue), !scopes.contains(OAuthScope(endpoint, method)) {
                    return InvGateSimulator.response(for: .missingScope(OAuthScope(endpoint, method)))
                }
            case .basic:
                break
            }
        }
        if !options.forbidden.isEmpty, let endpoint, options.forbidden.contains(endpoint) {
            return InvGateSimulator.response(for: .forbidden(endpoint))
        }
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            return InvGateSimulator.response(for: .unknownEndpoint(request.uri.path))
        }
    }

    /// What a request's credentials let it do.
    enum Access {
        case denied
        /// HTTP Basic: every endpoint.
        case basic
        /// A bearer token: the endpoints and methods of its scopes.
        case scoped(Set<OAuthScope>)
    }

    /// `Basic base64(username:token)` with the configured username and token, or `Bearer` with a
    /// token the token endpoint handed out and that has not expired.
    func access(_ header: String?) -> Access {
        if let header, header.lowercased().hasPrefix("bearer ") {
            let token = header.dropFirst("bearer ".count).trimmingCharacters(in: .whitespaces)
            return tokens.scopes(of: token).map(Access.scoped) ?? .denied
        }
        return isAuthorized(header) ? .basic : .denied
    }

    /// `Basic base64(username:token)` with the configured username and token.
    func isAuthorized(_ header: String?) -> Bool {
        guard let header, header.lowercased().hasPrefix("basic ") else { return false }
        let encoded = header.dropFirst("basic ".count).trimmingCharacters(in: .whitespaces)
        guard let data = Data(base64Encoded: encoded), let pair = String(data: data, encoding: .utf8) else {
            return false
        }
        return pair == "\(options.username):\(options.token)"
    }
}

/// A count shared by every request: ``take()`` is true as long as it was above zero, and lowers it.
final class Countdown: Sendable {
    private let left: Mutex<Int>

    init(_ count: Int) {
        left = Mutex(count)
    }

    func take() -> Bool {
        left.withLock { left in
            guard left > 0 else { return false }
            left -= 1
            return true
        }
    }
}
