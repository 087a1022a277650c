import Foundation
import InvGateWire
import NIOCore
import NIOPosix
import NIOSSL

/// Whether a certificate that failed verification failed for its dates. BoringSSL reports an expired
/// certificate as it does an untrusted one (`CERTIFICATE_VERIFY_FAILED`, the verify result is not
/// kept in the error), so the transport asks the server again, in a handshake that only reads the
/// certificate and then aborts, and compares its dates with the clock. Nothing is sent but the handshake.
enum CertificateDates {
    /// `.expired` or `.notYetValid` when the server's certificate is outside its dates; nil when it is
    /// within them or could not be read.
    static func problem(host: String, port: Int, settings: NetworkSettings, now: Date = Date()) async -> ConnectionFault.TLSProblem? {
        guard let leaf = await peerCertificate(host: host, port: port, timeout: settings.connectTimeout) else { return nil }
        let now = Int(now.timeIntervalSince1970)
        if Int(leaf.notValidAfter) < now { return .expired(notValidAfter: Int(leaf.notValidAfter)) }
        if Int(leaf.notValidBefore) > now { return .notYetValid(notValidBefore: Int(leaf.notValidBefore)) }
        return nil
    }

    /// The first certificate the server at `host`:`port` presents, unverified; nil when there is none
    /// within `timeout`.
    static func peerCertificate(host: String, port: Int, timeout: Duration) async -> NIOSSLCertificate? {
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        let found = loop.makePromise(of: NIOSSLCertificate?.self)
        guard let context = try? NIOSSLContext(configuration: .makeClientConfiguration()) else { return nil }
        // SNI takes a name, never an address.
        let serverHostname = (try? SocketAddress(ipAddress: host, port: 0)) == nil ? host : nil
        let bootstrap = ClientBootstrap(group: loop)
            .connectTimeout(.nanoseconds(timeout.nanoseconds))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let handler = try NIOSSLClientHandler(
                        context: context, serverHostname: serverHostname,
                        customVerificationCallback: { certificates, verdict in
                            found.succeed(certificates.first)
                            verdict.succeed(.failed)
                        })
                    try channel.pipeline.syncOperations.addHandler(handler)
                }
            }
        let timer = loop.scheduleTask(in: .nanoseconds(timeout.nanoseconds)) { found.succeed(nil) }
        defer { timer.cancel() }
        do {
            let channel = try await bootstrap.connect(host: host, port: port).get()
            channel.closeFuture.whenComplete { _ in found.succeed(nil) }
            let certificate = try await found.futureResult.get()
            channel.close(promise: nil)
            return certificate
        } catch {
            found.succeed(nil)
            return nil
        }
    }
}
