import AsyncHTTPClient
import InvGateWire
import NIOCore
import NIOHTTP1
import NIOPosix

/// The live transport: one `HTTPClient` (connection pool) for the process, with connect and read
/// timeouts. ``withHTTPTransport(connectTimeout:readTimeout:maxConnections:isolation:_:)`` makes one
/// and shuts it down; one made otherwise needs ``shutdown()`` when done.
public final class AsyncHTTPTransport: HTTPTransport {
    private let client: HTTPClient
    private let readTimeout: TimeAmount

    public init(connectTimeout: Duration = .seconds(10), readTimeout: Duration = .seconds(60), maxConnections: Int = 8) {
        var configuration = HTTPClient.Configuration(
            timeout: .init(connect: .nanoseconds(Int64(connectTimeout.nanoseconds)), read: .nanoseconds(Int64(readTimeout.nanoseconds)))
        )
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = max(1, maxConnections)
        configuration.decompression = .enabled(limit: .ratio(50))
        self.client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        self.readTimeout = .nanoseconds(Int64(readTimeout.nanoseconds))
    }

    public func shutdown() async throws {
        try await client.shutdown()
    }

    public func send(_ request: WireRequest) async throws(TransportFailure) -> WireResponse {
        var outgoing = HTTPClientRequest(url: request.url)
        outgoing.method = HTTPMethod(rawValue: request.method.rawValue)
        for (name, value) in request.headers { outgoing.headers.add(name: name, value: value) }
        if let body = request.body { outgoing.body = .bytes(ByteBuffer(bytes: body)) }
        do {
            let response = try await client.execute(outgoing, timeout: readTimeout)
            let body = try await response.body.collect(upTo: 256 << 20)
            return WireResponse(
                status: Int(response.status.code),
                headers: response.headers.map { ($0.name, $0.value) },
                body: Array(buffer: body)
            )
        } catch {
            throw Self.classify(error)
        }
    }

    /// Connection failures mean the request never left; anything later may have reached the server.
    static func classify(_ error: any Error) -> TransportFailure {
        let text = String(describing: error)
        if let httpError = error as? HTTPClientError {
            let neverSent: [HTTPClientError] = [.connectTimeout, .invalidURL, .emptyHost, .emptyScheme]
            return neverSent.contains(httpError) ? .notConnected(text) : .noAnswer(text)
        }
        if error is NIOConnectionError { return .notConnected(text) }
        if text.contains("connectionRefused") || text.contains("Connection refused") { return .notConnected(text) }
        return .noAnswer(text)
    }
}

extension Duration {
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
