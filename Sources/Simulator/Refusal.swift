import EstateModel
import InvGateWire

/// Why the simulator answers a request with an error instead of a result: rendered as a non-2xx
/// answer with `{"status": "ERROR", "error": …}`.
enum Refusal: Error, Equatable, Sendable, CustomStringConvertible {
    case unauthorized
    /// The API user may not use the endpoint.
    case forbidden(Endpoint)
    /// The bearer token does not carry the scope of the endpoint and method.
    case missingScope(OAuthScope)
    /// More requests a second than the rate limit allows (an injected fault included): 429, with
    /// `Retry-After: retryAfter` (seconds).
    case rateLimited(retryAfter: Int)
    /// An outage (or an injected fault): 503, with `Retry-After` when `retryAfter` is set.
    case unavailable(retryAfter: Int?)
    case unknownEndpoint(String)
    case methodNotAllowed(Endpoint, String)
    /// A parameter is missing (400) or of the wrong type (428).
    case parameter(ParameterProblem)
    /// A value the API does not accept (400).
    case invalid(String)
    /// The estate refused the operation: 404 for an unknown id, 400 otherwise.
    case estate(EstateError)
    /// The write could not be persisted; nothing changed.
    case notSaved(String)
    /// The object's state forbids the write (a KB category with subcategories, on a rough instance): 409.
    case conflict(String)

    var status: Int {
        switch self {
        case .unauthorized: 401
        case .forbidden, .missingScope: 403
        case .rateLimited: 429
        case .unavailable: 503
        case .unknownEndpoint: 404
        case .methodNotAllowed: 405
        case .parameter(.missing): 400
        case .parameter(.wrongType): 428
        case .invalid: 400
        case .estate(.unknown): 404
        case .estate(.invalid): 400
        case .notSaved: 500
        case .conflict: 409
        }
    }

    var description: String {
        switch self {
        case .unauthorized: "Invalid or missing credentials."
        case .forbidden(let endpoint): "The API user has no access to \(endpoint.rawValue)."
        case .missingScope(let scope): "The access token has no scope \(scope)."
        case .rateLimited: "Too many requests; retry later."
        case .unavailable: "Service temporarily unavailable."
        case .unknownEndpoint(let path): "There is no endpoint \(path)."
        case .methodNotAllowed(let endpoint, let method): "The endpoint \(endpoint.rawValue) does not accept \(method)."
        case .parameter(let problem): problem.description
        case .invalid(let reason): reason
        case .estate(let error): error.description
        case .notSaved(let why): "The change could not be saved: \(why)"
        case .conflict(let why): why
        }
    }

    /// The seconds a `Retry-After` header asks the client to wait, when the answer has one.
    var retryAfter: Int? {
        switch self {
        case .rateLimited(let seconds): seconds
        case .unavailable(let seconds): seconds
        default: nil
        }
    }

    /// The answer's body.
    var json: JSONValue { StatusAnswer.error(description).json }
}
