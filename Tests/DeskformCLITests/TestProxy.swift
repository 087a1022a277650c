import Foundation
import NIOCore
import NIOPosix
import Synchronization

/// An HTTP proxy on 127.0.0.1 for tests. It opens a tunnel for each `CONNECT host:port` (AsyncHTTPClient
/// goes through a proxy that way for http and https alike) and records each `CONNECT` line, the
/// `Proxy-Authorization` it came with, and the bytes the client sent through the tunnels (plain HTTP for
/// an http instance). With `requiredAuthorization`, a `CONNECT` without exactly it is answered 407.
final class TestProxy: Sendable {
    let port: Int
    let requiredAuthorization: String?
    private let recorded = Mutex((connects: [String](), authorizations: [String?](), tunnelled: ""))

    private init(port: Int, requiredAuthorization: String?) {
        self.port = port
        self.requiredAuthorization = requiredAuthorization
    }

    /// Runs `body` with a proxy listening on a free port, and stops it.
    static func with<Value: Sendable>(
        requiredAuthorization: String? = nil, _ body: @Sendable (TestProxy) async throws -> Value
    ) async throws -> Value {
        let box = Mutex<TestProxy?>(nil)
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { child in
                child.eventLoop.makeCompletedFuture {
                    // The proxy is set before the first connection can be accepted.
                    let proxy = box.withLock { $0! }
                    try child.pipeline.syncOperations.addHandler(ConnectHandler(proxy: proxy))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        let proxy = TestProxy(port: server.localAddress?.port ?? 0, requiredAuthorization: requiredAuthorization)
        box.withLock { $0 = proxy }
        do {
            let value = try await body(proxy)
            try? await server.close()
            return value
        } catch {
            try? await server.close()
            throw error
        }
    }

    /// Every `CONNECT` line received, e.g. `CONNECT 127.0.0.1:8080 HTTP/1.1`.
    var connects: [String] { recorded.withLock { $0.connects } }
    /// The `Proxy-Authorization` of each `CONNECT`, nil where there was none.
    var authorizations: [String?] { recorded.withLock { $0.authorizations } }
    /// The request lines sent through the tunnels in plain HTTP, e.g. `GET /api/v1/sd.version HTTP/1.1`.
    var tunnelledRequests: [String] {
        recorded.withLock { $0.tunnelled }.components(separatedBy: "\r\n").filter {
            ["GET ", "POST ", "PUT ", "DELETE "].contains(where: $0.hasPrefix)
        }
    }

    fileprivate func connect(_ line: String, authorization: String?) {
        recorded.withLock {
            $0.connects.append(line)
            $0.authorizations.append(authorization)
        }
    }

    fileprivate func tunnelled(_ bytes: ByteBuffer) {
        recorded.withLock { $0.tunnelled += String(buffer: bytes) }
    }
}

/// Reads a `CONNECT` request, connects to its target, answers 200 and glues the two connections.
private final class ConnectHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let proxy: TestProxy
    private var head = ""
    private var pending: [ByteBuffer] = []
    private var state = State.head

    private enum State {
        case head, connecting, glued
    }

    init(proxy: TestProxy) {
        self.proxy = proxy
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        switch state {
        case .glued:
            context.fireChannelRead(data)
            return
        case .connecting:
            pending.append(buffer)
            return
        case .head:
            head += String(buffer: buffer)
        }
        guard let end = head.range(of: "\r\n\r\n") else { return }
        let rest = String(head[end.upperBound...])
        let lines = head[..<end.lowerBound].components(separatedBy: "\r\n")
        let requestLine = lines.first ?? ""
        let prefix = "proxy-authorization:"
        let authorization = lines.dropFirst().first { $0.lowercased().hasPrefix(prefix) }.map {
            String($0.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
        }
        proxy.connect(requestLine, authorization: authorization)
        let parts = requestLine.split(separator: " ")
        guard parts.count == 3, parts[0] == "CONNECT", let colon = parts[1].lastIndex(of: ":"),
            let port = Int(parts[1][parts[1].index(after: colon)...])
        else {
            return answer(context, "501 Not Implemented")
        }
        if let required = proxy.requiredAuthorization, authorization != required {
            return answer(context, "407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"")
        }
        state = .connecting
        if !rest.isEmpty { pending.append(ByteBuffer(string: rest)) }
        let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
        ClientBootstrap(group: context.eventLoop).connect(host: String(parts[1][..<colon]), port: port).assumeIsolated()
            .whenComplete { result in
                switch result {
                case .success(let target): self.glue(bound.value, to: target)
                case .failure: self.answer(bound.value, "502 Bad Gateway")
                }
            }
    }

    private func glue(_ context: ChannelHandlerContext, to target: Channel) {
        let client = GlueHandler(onRead: { [proxy] in proxy.tunnelled($0) })
        let server = GlueHandler(onRead: nil)
        client.partner = server
        server.partner = client
        do {
            try target.pipeline.syncOperations.addHandler(server)
            context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: "HTTP/1.1 200 Connection established\r\n\r\n")), promise: nil)
            try context.pipeline.syncOperations.addHandler(client)
            state = .glued
            for buffer in pending { client.forward(buffer) }
            pending = []
            context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
        } catch {
            context.close(promise: nil)
            target.close(promise: nil)
        }
    }

    private func answer(_ context: ChannelHandlerContext, _ status: String) {
        context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: "HTTP/1.1 \(status)\r\nContent-Length: 0\r\n\r\n")), promise: nil)
        context.close(promise: nil)
    }
}

/// One end of a tunnel: what it reads goes out of its partner's channel.
private final class GlueHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    var partner: GlueHandler?
    private var context: ChannelHandlerContext?
    private let onRead: ((ByteBuffer) -> Void)?

    init(onRead: ((ByteBuffer) -> Void)?) {
        self.onRead = onRead
    }

    func handlerAdded(context: ChannelHandlerContext) { self.context = context }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
        partner = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        forward(unwrapInboundIn(data))
    }

    /// Sends `buffer`, read on this end, out of the other.
    func forward(_ buffer: ByteBuffer) {
        onRead?(buffer)
        partner?.context?.writeAndFlush(NIOAny(buffer), promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        partner?.context?.close(promise: nil)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}
