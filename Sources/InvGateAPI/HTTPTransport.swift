/// Sends requests. The live implementation is ``AsyncHTTPTransport``; tests may script answers.
package protocol HTTPTransport: Sendable {
    func send(_ request: WireRequest) async throws(TransportFailure) -> WireResponse
}
