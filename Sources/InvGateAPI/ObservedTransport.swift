/// A transport that tells `observe` about every request, as it passes it on to `inner`: retries and
/// OAuth2 token requests included, each once per attempt. What the CLI's progress line counts.
package struct ObservedTransport: HTTPTransport {
    package let inner: any HTTPTransport
    let observe: @Sendable (WireRequest) async -> Void

    package init(_ inner: any HTTPTransport, observe: @escaping @Sendable (WireRequest) async -> Void) {
        self.inner = inner
        self.observe = observe
    }

    package func send(_ request: WireRequest) async throws(TransportFailure) -> WireResponse {
        await observe(request)
        return try await inner.send(request)
    }
}
