/// Why no exchange with the instance can happen at all: a fault that retrying cannot fix. Each case
/// carries what a person needs to fix it (the host, the port), never a credential.
public enum ConnectionFault: Equatable, Sendable {
    /// The instance URL is not an `http(s)://host[:port]` root.
    case malformedURL(URLProblem)
    /// The host name does not resolve (DNS).
    case nameNotResolved(host: String)
    /// Nothing accepts connections at the host and port.
    case refused(host: String, port: Int)
    /// The TLS handshake failed.
    case tls(TLSProblem)

    public enum URLProblem: Error, Equatable, Sendable {
        /// No `scheme://` at all, e.g. `acme.sd.cloud.invgate.net`.
        case noScheme
        /// A scheme other than http or https.
        case unsupportedScheme(String)
        /// No host after the scheme.
        case noHost
        /// Something after the root, e.g. `/api/v1`.
        case pathAfterRoot(String)
    }

    public enum TLSProblem: Equatable, Sendable {
        /// The certificate does not chain to a trusted root: self-signed, a private CA, or expired.
        case untrustedCertificate
        /// The certificate names another host.
        case wrongHost
        /// The server does not speak TLS (a plain-HTTP server spoken to over https).
        case notTLS
        /// Any other handshake failure, as the TLS library words it.
        case other(String)
    }
}
