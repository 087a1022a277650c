import InvGateAPI
import Synchronization

/// A transport that answers from a script and records every request, for retry and auth tests.
final class ScriptedTransport: HTTPTransport {
    enum Step: Sendable {
        case answer(WireResponse)
        case fail(TransportFailure)
    }

    private let state: Mutex<(steps: [Step], requests: [WireRequest])>

    init(_ steps: [Step]) {
        state = Mutex((steps, []))
    }

    var requests: [WireRequest] { state.withLock { $0.requests } }

    func send(_ request: WireRequest) async throws(TransportFailure) -> WireResponse {
        let step = state.withLock { state -> Step in
            state.requests.append(request)
            return state.steps.isEmpty ? .answer(.json(500, #"{"status":"ERROR","error":"script exhausted"}"#)) : state.steps.removeFirst()
        }
        switch step {
        case .answer(let response): return response
        case .fail(let failure): throw failure
        }
    }
}

extension WireResponse {
    static func json(_ status: Int, _ body: String, headers: [(name: String, value: String)] = []) -> WireResponse {
        WireResponse(status: status, headers: headers + [("Content-Type", "application/json")], body: Array(body.utf8))
    }
}

extension RetryPolicy {
    /// Retries with waits of a few milliseconds, so tests stay fast.
    static let quick = RetryPolicy(
        maxAttempts: 4, baseDelay: .milliseconds(1), maxDelay: .milliseconds(4), maxRetryAfter: .milliseconds(10))
}
