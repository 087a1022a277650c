import EstateModel
import Hummingbird
import InvGateWire
import Logging
import NIOCore

/// An InvGate-compatible API over a ``SimulatorStore``: the same paths, parameter encodings,
/// answers and errors as docs/ARCHITECTURE.md describes, plus injected latency and faults.
package struct InvGateSimulator: Sendable {
    package let store: SimulatorStore
    package let options: SimulatorOptions
    let logger: Logger

    package init(store: SimulatorStore, options: SimulatorOptions, logger: Logger) {
        self.store = store
        self.options = options
        self.logger = logger
    }

    /// One request's parameters and the store it acts on.
    struct Call: Sendable {
        var parameters: FormParameters
        /// The parameters as received, for what typing hides (an empty `parent_id=`).
        var received: ReceivedParameters
        var store: SimulatorStore
        var dialect: SimulatorDialect = .reference

        /// Answers from the estate as it is now: a copy (the estate is a value), so that reads do their work
        /// side by side, outside the store, while writes take their turns in it.
        func read<Answer: Sendable>(
            _ answer: (Estate) throws(Refusal) -> Answer
        ) async throws(Refusal) -> Answer {
            try answer(await store.estate)
        }

        func write<Answer: Sendable>(
            _ operation: EstateOperation, _ answer: @Sendable (OperationResult, Estate) throws(Refusal) -> Answer
        ) async throws(Refusal) -> Answer {
            try await store.write(operation, answer)
        }
    }

    /// Answers one operation: a JSON body for a 200, or a refusal.
    typealias Handler = @Sendable (Call) async throws(Refusal) -> JSONValue

    /// Answers an authenticated request to `endpoint`: 405 for a method it lacks, then the
    /// injected fault if this write draws one, then the handler's answer.
    func answer(_ endpoint: Endpoint, _ request: Request, context: some RequestContext) async -> Response {
        guard let method = Method(rawValue: request.method.rawValue), let handler = Self.handlers[endpoint]?[method]
        else {
            return Self.response(for: .methodNotAllowed(endpoint, request.method.rawValue))
        }
        let fault = method == .get ? nil : await store.drawFault(rate: options.faultRate, from: options.faults)
        switch fault {
        case .unavailable?:
            logger.debug("injected fault", metadata: ["fault": "unavailable", "endpoint": "\(endpoint.rawValue)"])
            return Self.response(for: .unavailable(retryAfter: nil))
        case .rateLimited?:
            logger.debug("injected fault", metadata: ["fault": "rateLimited", "endpoint": "\(endpoint.rawValue)"])
            return Self.response(for: .rateLimited(retryAfter: 1))
        case .droppedConnection?, nil:
            break
        }

        var status = 200
        var json: JSONValue
        do throws(Refusal) {
            let spec = Catalogue.operation(endpoint, method) ?? OperationSpec(endpoint, method)
            let received = try await Self.parameters(of: request, context: context)
            let parameters: FormParameters
            do {
                parameters = try received.read(for: spec)
            } catch {
                throw .parameter(error)
            }
            let answer = try await handler(Call(parameters: parameters, received: received, store: store, dialect: options.dialect))
            json = options.dialect.shape(answer, endpoint, method, received)
        } catch {
            logger.debug(
                "refused", metadata: ["endpoint": "\(endpoint.rawValue)", "method": "\(method.rawValue)", "error": "\(error)"])
            let worded = options.dialect.answer(for: error)
            if fault == nil { return worded.map { Self.response(status: $0.status, json: $0.json) } ?? Self.response(for: error) }
            (status, json) = worded ?? (error.status, error.json)
        }
        if fault == .droppedConnection {
            logger.debug("injected fault", metadata: ["fault": "droppedConnection", "endpoint": "\(endpoint.rawValue)"])
            return Self.droppingConnection(status: status, json: json)
        }
        return Self.response(status: status, json: json)
    }

    /// Query string and, for a POST, its form body, the body winning. As PHP, the API reads no
    /// parameters from the body of a PUT or DELETE: a client that sends them there is not heard.
    static func parameters(of request: Request, context: some RequestContext) async throws(Refusal) -> ReceivedParameters {
        var body: String?
        if request.method == .post, request.headers[.contentType]?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true {
            var request = request
            do {
                let buffer = try await request.collectBody(upTo: context.maxUploadSize)
                body = String(buffer: buffer)
            } catch {
                throw .invalid("The request body could not be read.")
            }
        }
        return ReceivedParameters(query: request.uri.query, body: body)
    }

    static func response(for refusal: Refusal) -> Response {
        var response = response(status: refusal.status, json: refusal.json)
        if refusal == .unauthorized { response.headers[.wwwAuthenticate] = "Basic realm=\"InvGate\"" }
        if let seconds = refusal.retryAfter { response.headers[.retryAfter] = "\(seconds)" }
        return response
    }

    static func response(status: Int, json: JSONValue) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(
            status: HTTPResponse.Status(code: status), headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: json.serialized())))
    }
}

extension InvGateSimulator {
    /// Where OAuth2 clients get their bearer tokens.
    static let tokenPath = "/oauth/v2.0/access_token"

    /// `POST /oauth/v2.0/access_token`: client credentials (form body) for a bearer token with the scopes
    /// asked for, as `{"access_token", "token_type", "expires_in"}`; an OAuth2 error otherwise.
    func issueToken(_ request: Request, context: some RequestContext) async -> Response {
        let parameters: ReceivedParameters
        do {
            parameters = try await Self.parameters(of: request, context: context)
        } catch {
            return Self.response(for: error)
        }
        do {
            let (token, lifetime) = try store.tokens.issue(parameters, clients: options.oauthClients)
            return Self.response(
                status: 200,
                json: .object([
                    ("access_token", .string(token)), ("token_type", .string("Bearer")),
                    ("expires_in", .int(Int(lifetime.components.seconds))),
                ]))
        } catch {
            return Self.response(status: error.status, json: error.json)
        }
    }

    /// The answer's head and the first half of its body, then a dropped connection: the client gets
    /// no complete answer although the write was carried out.
    static func droppingConnection(status: Int, json: JSONValue) -> Response {
        let bytes = json.serialized()
        let sent = Array(bytes.prefix(bytes.count / 2))
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        let body = ResponseBody(contentLength: bytes.count) { writer in
            try await writer.write(ByteBuffer(bytes: sent))
            throw DroppedConnection()
        }
        return Response(status: HTTPResponse.Status(code: status), headers: headers, body: body)
    }
}

/// Thrown by a response body to make the server drop the connection mid-answer.
struct DroppedConnection: Error {}
