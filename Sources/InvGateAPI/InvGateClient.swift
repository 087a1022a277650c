import Foundation
import InvGateWire
import Logging
import Synchronization

/// A typed async client for the InvGate Service Management API: typed reads, and ``send(_:)-(WireCall)``
/// for every write.
///
/// Parameters go in a form body for POST and in the query string for GET, PUT and DELETE.
/// Calls that are safe to repeat (``IdempotentCall``) are retried on 5xx, 429 and lost connections;
/// creates (``CreateCall``) are not, and a lost answer to one fails with
/// ``InvGateError/Reason/outcomeUnknown(_:)``.
package final class InvGateClient: Sendable {
    /// The instance root, e.g. `https://acme.sd.cloud.invgate.net`.
    package let instanceURL: String
    let credentials: Credentials
    let transport: any HTTPTransport
    package let retryPolicy: RetryPolicy
    let logger: Logger
    /// Hears of every retry before its wait.
    let onRetry: (@Sendable (RetryNotice) -> Void)?
    /// Shared by every request, when the width is found as it goes (`--parallelism auto`).
    package let concurrency: ConcurrencyLimit?
    /// The request rate every request keeps to, learned from 429s (nil: not paced).
    package let pacing: RequestPacing?
    let tokens = TokenCache()
    let requestedScopes = Mutex<Set<String>>([])

    package init(
        instanceURL: String, credentials: Credentials, transport: any HTTPTransport,
        retryPolicy: RetryPolicy = .standard,
        logger: Logger = Logger(label: "deskform.api", factory: { _ in SwiftLogNoOpLogHandler() }),
        onRetry: (@Sendable (RetryNotice) -> Void)? = nil, concurrency: ConcurrencyLimit? = nil, pacing: RequestPacing? = nil
    ) {
        self.concurrency = concurrency
        self.pacing = pacing
        self.instanceURL = Credentials.trimmedRoot(instanceURL)
        self.credentials = credentials
        self.transport = transport
        self.retryPolicy = retryPolicy
        self.logger = logger
        self.onRetry = onRetry
    }

    /// Sends one call and returns its JSON answer: a create as ``send(_:)-(CreateCall)`` does, any
    /// other call as ``send(_:)-(IdempotentCall)`` does. Fails for a non-2xx answer, for a 2xx answer
    /// whose `status` is `ERROR`, and when the server cannot be reached after every retry.
    package func send(_ call: WireCall) async throws(InvGateError) -> JSONValue {
        switch call.delivery {
        case .idempotent(let idempotent): try await send(idempotent)
        case .create(let create): try await send(create)
        }
    }

    /// Sends a call that is safe to repeat, repeating it after 5xx, 429 and lost connections.
    package func send(_ call: IdempotentCall) async throws(InvGateError) -> JSONValue {
        try await exchange(call.call, repeatable: true)
    }

    /// Sends a create, repeating it only when it surely did not happen (no connection, 429). A
    /// dropped connection, timeout or 5xx fails with ``InvGateError/Reason/outcomeUnknown(_:)``.
    package func send(_ call: CreateCall) async throws(InvGateError) -> JSONValue {
        try await exchange(call.call, repeatable: false)
    }

    /// One call, tried until it is answered, retries are used up, or (not `repeatable`) its
    /// answer is lost.
    private func exchange(_ call: WireCall, repeatable: Bool) async throws(InvGateError) -> JSONValue {
        let (endpoint, method, parameters) = (call.endpoint, call.method, call.parameters)
        let encoded = FormEncoding.encode(parameters)
        var url = instanceURL + endpoint.path
        var body: [UInt8]?
        var headers: [(name: String, value: String)] = [("Accept", "application/json")]
        if method.sendsBody {
            body = Array(encoded.utf8)
            headers.append(("Content-Type", "application/x-www-form-urlencoded"))
        } else if !encoded.isEmpty {
            url += "?" + encoded
        }

        var attempt = 0
        var refreshedToken = false
        let began = ContinuousClock.now
        /// Waits before the next attempt, when the tries left and the time allow one; false otherwise.
        func retry(after wait: Duration, _ why: String) async throws(InvGateError) -> Bool {
            guard attempt < retryPolicy.maxAttempts, ContinuousClock.now - began + wait <= retryPolicy.maxTotalTime else { return false }
            let notice = RetryNotice(why: why, wait: wait, nextAttempt: attempt + 1, maxAttempts: retryPolicy.maxAttempts)
            logger.info(
                "retrying",
                metadata: [
                    "method": "\(method.rawValue)", "endpoint": "\(endpoint.rawValue)", "why": "\(why)", "wait": "\(notice.roundedWait)",
                    "attempt": "\(attempt + 1)",
                ])
            onRetry?(notice)
            try await pause(wait, endpoint, method)
            return true
        }
        while true {
            attempt += 1
            let (authorization, token) = try await authorization(endpoint, method)
            var request = WireRequest(method: method, url: url, headers: headers, body: body)
            if let authorization { request.headers.append(("Authorization", authorization)) }
            logger.debug(
                "request", metadata: ["method": "\(method.rawValue)", "endpoint": "\(endpoint.rawValue)", "attempt": "\(attempt)"])

            let response: WireResponse
            // A place in flight first, then the rate: the rate is the last gate, so that a request admitted
            // before a `Retry-After` cannot wait for a place and go out during the pause.
            let placed = await concurrency?.acquire() != nil
            do throws(CancellationError) {
                try await pacing?.admit()
            } catch {
                if placed { await concurrency?.releaseUnanswered() }
                throw InvGateError(endpoint, method, .cancelled)
            }
            let sent = ContinuousClock.now
            do {
                response = try await transport.send(request)
                let refused = response.status == 429 || response.status == 503
                // The rate hears first, so that the request given this place next finds any pause it starts.
                pacing?.answered(sent: sent, refused: refused, retryAfter: RetryPolicy.retryAfter(response.header("Retry-After")))
                // Paced, a 429 is the rate's to answer; the width only narrows when the instance is overloaded.
                if placed { await concurrency?.release(sent, overloaded: pacing == nil ? refused : response.status == 503) }
            } catch {
                if placed { await concurrency?.releaseUnanswered() }
                let why: String
                switch error {
                case .cannotConnect(let fault): throw InvGateError(endpoint, method, .cannotConnect(fault))
                case .cancelled: throw InvGateError(endpoint, method, .cancelled)
                case .notConnected(let detail):
                    why = "the connection could not be made (\(detail))"
                case .noAnswer(let detail):
                    guard repeatable else { throw InvGateError(endpoint, method, .outcomeUnknown(detail)) }
                    why = "the connection was lost or timed out (\(detail))"
                }
                guard try await retry(after: retryPolicy.delay(after: attempt), why) else {
                    throw InvGateError(endpoint, method, .unreachable(Self.why(error)))
                }
                continue
            }

            switch response.status {
            case 200..<300:
                return try decodeSuccess(response, endpoint, method)
            case 401 where token != nil && !refreshedToken:
                // The token was revoked or expired early: fetch a new one, once.
                refreshedToken = true
                await tokens.invalidate(token!)
                attempt -= 1
                continue
            case 429:
                // Rejected before acting: safe to repeat, creates included.
                let wait = retryPolicy.delay(after: attempt, retryAfter: RetryPolicy.retryAfter(response.header("Retry-After")))
                guard try await retry(after: wait, "the instance answered 429 (too many requests)") else {
                    throw failure(response, endpoint, method)
                }
                continue
            case 500..<600:
                guard repeatable else {
                    throw InvGateError(endpoint, method, .outcomeUnknown("HTTP \(response.status)"))
                }
                // A 503 may say when to come back (`Retry-After`), as a 429 does.
                let wait = retryPolicy.delay(after: attempt, retryAfter: RetryPolicy.retryAfter(response.header("Retry-After")))
                guard try await retry(after: wait, "the instance answered \(response.status)") else {
                    throw failure(response, endpoint, method)
                }
                continue
            case 403 where token != nil:
                // OAuth2: the token lacks this call's scope (or the client was not granted it).
                let answer = (try? JSONValue.parse(response.body)).map(StatusAnswer.init(json:))
                let scope = OAuthScope(endpoint, method)
                throw InvGateError(endpoint, method, .status(403, error: answer?.error, info: "the token has no scope \(scope)"))
            default:
                throw failure(response, endpoint, method)
            }
        }
    }

    private func decodeSuccess(_ response: WireResponse, _ endpoint: Endpoint, _ method: Method) throws(InvGateError) -> JSONValue {
        let json: JSONValue
        do {
            json = try JSONValue.parse(response.body)
        } catch {
            let excerpt = String(decoding: response.body.prefix(80), as: UTF8.self)
            throw InvGateError(endpoint, method, .malformedAnswer("not JSON: \(excerpt)"))
        }
        let answer = StatusAnswer(json: json)
        if answer.isError { throw InvGateError(endpoint, method, .refused(error: answer.error, info: answer.info)) }
        return json
    }

    private func failure(_ response: WireResponse, _ endpoint: Endpoint, _ method: Method) -> InvGateError {
        let answer = (try? JSONValue.parse(response.body)).map(StatusAnswer.init(json:))
        return InvGateError(endpoint, method, .status(response.status, error: answer?.error, info: answer?.info))
    }

    private func pause(_ delay: Duration, _ endpoint: Endpoint, _ method: Method) async throws(InvGateError) {
        do {
            try await Task.sleep(for: delay)
        } catch {
            throw InvGateError(endpoint, method, .cancelled)
        }
    }

    private static func why(_ failure: TransportFailure) -> String {
        switch failure {
        case .notConnected(let why), .noAnswer(let why): why
        case .cannotConnect(let fault): "\(fault)"
        case .cancelled: "cancelled"
        }
    }
}

/// What the typed reads share: a GET (lists are read page by page: `InvGateClient+Paging.swift`).
extension InvGateClient {
    /// A GET of `endpoint`, its JSON answer as it comes (also `deskform doctor`'s probes of read access).
    package func get(_ endpoint: Endpoint, _ parameters: FormParameters = [:]) async throws(InvGateError) -> JSONValue {
        try await send(WireCall(endpoint, .get, parameters))
    }
}
