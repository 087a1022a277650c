import InvGateAPI
import InvGateWire

/// Every request a client sent, by method and endpoint.
package actor RequestLog {
    package private(set) var requests: [(method: Method, path: String)] = []
    /// The HTTP status of every answer, in the order they came.
    package private(set) var statuses: [Int] = []

    package init() {}

    func append(_ method: Method, _ url: String) {
        let withoutQuery = url.split(separator: "?").first.map(String.init) ?? url
        let path = withoutQuery.range(of: "/api/").map { String(withoutQuery[$0.lowerBound...]) } ?? withoutQuery
        requests.append((method, path))
    }

    func answered(_ status: Int) { statuses.append(status) }

    package var writes: Int { requests.filter { $0.method != .get }.count }

    package func count(_ method: Method, _ endpoint: Endpoint) -> Int {
        requests.filter { $0.method == method && $0.path == endpoint.path }.count
    }

    /// Requests per `METHOD endpoint`, e.g. `["GET users": 1]`.
    package var calls: [String: Int] {
        requests.reduce(into: [:]) { counts, request in
            counts["\(request.method.rawValue) \(request.path.dropFirst("/api/v1/".count))", default: 0] += 1
        }
    }
}

/// A transport that logs every request it passes on.
package struct CountingTransport: HTTPTransport {
    package let inner: any HTTPTransport
    package let log = RequestLog()

    package init(_ inner: any HTTPTransport) {
        self.inner = inner
    }

    package func send(_ request: WireRequest) async throws(TransportFailure) -> WireResponse {
        await log.append(request.method, request.url)
        let response = try await inner.send(request)
        await log.answered(response.status)
        return response
    }
}
