import AsyncHTTPClient
import Foundation
import InvGateWire
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// The live transport: one `HTTPClient` (connection pool) for the process, with connect and read
/// timeouts, extra trusted roots and a proxy (``NetworkSettings``). A connection that fails is not
/// tried again by the pool: the failure comes back at once, classified, and the client decides.
/// ``withHTTPTransport(_:maxConnections:isolation:_:)`` makes one and shuts it down; one made otherwise
/// needs ``shutdown()`` when done.
package final class AsyncHTTPTransport: HTTPTransport {
    private let client: HTTPClient
    private let readTimeout: TimeAmount
    private let settings: NetworkSettings

    package convenience init(connectTimeout: Duration = .seconds(10), readTimeout: Duration = .seconds(60), maxConnections: Int = 8) {
        self.init(NetworkSettings(connectTimeout: connectTimeout, requestTimeout: readTimeout), maxConnections: maxConnections)
    }

    package init(_ settings: NetworkSettings, maxConnections: Int = 8) {
        var tls = TLSConfiguration.makeClientConfiguration()
        if !settings.additionalTrustRoots.isEmpty {
            tls.additionalTrustRoots = [.certificates(settings.additionalTrustRoots)]
        }
        var configuration = HTTPClient.Configuration(
            tlsConfiguration: tls,
            timeout: .init(
                connect: .nanoseconds(settings.connectTimeout.nanoseconds), read: .nanoseconds(settings.requestTimeout.nanoseconds)),
            proxy: settings.proxy.map { proxy in
                .server(
                    host: proxy.host, port: proxy.port,
                    authorization: proxy.credentials.map { .basic(username: $0.username, password: $0.password) })
            }
        )
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = max(1, maxConnections)
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.decompression = .enabled(limit: .ratio(50))
        self.client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        self.readTimeout = .nanoseconds(settings.requestTimeout.nanoseconds)
        self.settings = settings
    }

    package func shutdown() async throws {
        try await client.shutdown()
    }

    package func send(_ request: WireRequest) async throws(TransportFailure) -> WireResponse {
        // The HTTP library traps on a port that does not fit in 16 bits; the instance URL is checked before
        // any request, but the token URL is another.
        if let port = URLComponents(string: request.url)?.port, !InstanceURL.ports.contains(port) {
            throw .cannotConnect(.malformedURL(.badPort(String(port))))
        }
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
            if Task.isCancelled { throw .cancelled }
            let failure = Self.classify(error, url: request.url, proxy: settings.proxy, timeout: settings.requestTimeout)
            if case .cannotConnect(.tls(.untrustedCertificate)) = failure, settings.proxy == nil,
                let components = URLComponents(string: request.url), let host = components.host,
                let dated = await CertificateDates.problem(host: host, port: components.port ?? 443, settings: settings)
            {
                throw .cannotConnect(.tls(dated))
            }
            throw failure
        }
    }

    /// Faults no retry can fix are named; of the rest, connection failures mean the request never
    /// left, and anything later may have reached the server.
    static func classify(
        _ error: any Error, url: String, proxy: NetworkSettings.Proxy? = nil, timeout: Duration? = nil
    ) -> TransportFailure {
        let text = String(reflecting: error)
        let components = URLComponents(string: url)
        let host = components?.host ?? url
        let port = components?.port ?? (components?.scheme?.lowercased() == "https" ? 443 : 80)
        if let proxy, let problem = proxyProblem(error, text: text) {
            return .cannotConnect(.proxy(problem, host: proxy.host, port: proxy.port, variable: proxy.variable))
        }
        if let fault = fault(error, text: text, host: host, port: port) { return .cannotConnect(fault) }
        if let httpError = error as? HTTPClientError {
            if httpError == .cancelled { return .cancelled }
            let neverSent: [HTTPClientError] = [.connectTimeout, .invalidURL, .emptyHost, .emptyScheme]
            let words = words(httpError, timeout: timeout) ?? text
            return neverSent.contains(httpError) ? .notConnected(words) : .noAnswer(words)
        }
        if error is CancellationError { return .cancelled }
        if error is NIOConnectionError { return .notConnected("no connection could be made") }
        if let io = error as? IOError { return .noAnswer(String(cString: strerror(io.errnoCode)).lowercased()) }
        return .noAnswer(text)
    }

    /// What a failure of the HTTP client means, in a user's words rather than its type's name.
    private static func words(_ error: HTTPClientError, timeout: Duration?) -> String? {
        let seconds = timeout.map { " within the \($0.components.seconds) s of --timeout" } ?? ""
        return switch error {
        case .deadlineExceeded, .readTimeout: "no answer\(seconds)"
        case .connectTimeout, .tlsHandshakeTimeout, .httpProxyHandshakeTimeout, .getConnectionFromPoolTimeout:
            "the connection was not made in time"
        case .remoteConnectionClosed: "the instance closed the connection before answering"
        case .bodyLengthMismatch, .contentLengthMissing: "the answer was cut short"
        default: nil
        }
    }

    /// What went wrong with the proxy, when a request through one failed on the way to the instance:
    /// the connection to the proxy itself, or its answer to `CONNECT`.
    private static func proxyProblem(_ error: any Error, text: String) -> ConnectionFault.ProxyProblem? {
        if let httpError = error as? HTTPClientError {
            if httpError == .proxyAuthenticationRequired { return .authenticationRequired }
            if httpError == .invalidProxyResponse { return .tunnelRefused }
        }
        // Every connection is made to the proxy, so a refused or unresolved one is the proxy's.
        switch fault(error, text: text, host: "", port: 0) {
        case .refused?: return .refused
        case .nameNotResolved?: return .nameNotResolved
        default: return nil
        }
    }

    private static func fault(_ error: any Error, text: String, host: String, port: Int) -> ConnectionFault? {
        if let connection = error as? NIOConnectionError {
            if connection.connectionErrors.isEmpty, connection.dnsAError != nil || connection.dnsAAAAError != nil {
                return .nameNotResolved(host: host)
            }
            if connection.connectionErrors.contains(where: { ($0.error as? IOError)?.errnoCode == ECONNREFUSED }) {
                return .refused(host: host, port: port)
            }
        }
        if let io = error as? IOError, io.errnoCode == ECONNREFUSED { return .refused(host: host, port: port) }
        if error is SocketAddressError || text.contains("SocketAddressError.unknown") { return .nameNotResolved(host: host) }
        if text.contains("failedToValidateHostname") { return .tls(.wrongHost) }
        if text.contains("CERTIFICATE_VERIFY_FAILED") || text.contains("certificateVerify") { return .tls(.untrustedCertificate) }
        if text.contains("WRONG_VERSION_NUMBER") || text.contains("HTTP_REQUEST") || text.contains("PACKET_LENGTH_TOO_LONG")
            || text.contains("RECORD_LENGTH_MISMATCH")
        {
            return .tls(.notTLS)
        }
        if error is NIOSSLError || error is BoringSSLError { return .tls(.other(String(describing: error))) }
        if let httpError = error as? HTTPClientError, [.emptyScheme, .emptyHost, .invalidURL].contains(httpError) {
            return .malformedURL(httpError == .emptyScheme ? .noScheme : .noHost)
        }
        return nil
    }
}

extension Duration {
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
