/// Why no exchange with the instance can happen at all: a fault that retrying cannot fix. Each case
/// carries what a person needs to fix it (the host, the port), never a credential.
package enum ConnectionFault: Equatable, Sendable {
    /// The instance URL is not an `http(s)://host[:port]` root.
    case malformedURL(URLProblem)
    /// The host name does not resolve (DNS).
    case nameNotResolved(host: String)
    /// Nothing accepts connections at the host and port.
    case refused(host: String, port: Int)
    /// The TLS handshake failed.
    case tls(TLSProblem)
    /// The HTTP proxy (`HTTPS_PROXY`/`HTTP_PROXY`) would not carry the request. Its host and port, and
    /// the variable it came from; never its user or password.
    case proxy(ProxyProblem, host: String, port: Int, variable: String)

    package enum URLProblem: Error, Equatable, Sendable {
        /// No `scheme://` at all, e.g. `acme.sd.cloud.invgate.net`.
        case noScheme
        /// A scheme other than http or https.
        case unsupportedScheme(String)
        /// No host after the scheme.
        case noHost
        /// Something after the root, e.g. `/api/v1`.
        case pathAfterRoot(String)
        /// A port no server can listen on (not a number from 1 to 65535), e.g. `:99999` or `:https`.
        case badPort(String)
        /// A user or password before the host (`https://user:password@host`), which would be shown
        /// wherever the URL is: in the banner, a saved plan, a journal, every message.
        case credentialsInURL
    }

    package enum TLSProblem: Equatable, Sendable {
        /// The certificate does not chain to a trusted root: self-signed or from a private CA.
        case untrustedCertificate
        /// The certificate's validity ended; seconds since 1970 (UTC) of its `notAfter`.
        case expired(notValidAfter: Int)
        /// The certificate's validity has not begun (or this machine's clock is behind); seconds since
        /// 1970 (UTC) of its `notBefore`.
        case notYetValid(notValidBefore: Int)
        /// The certificate names another host.
        case wrongHost
        /// The server does not speak TLS (a plain-HTTP server spoken to over https).
        case notTLS
        /// Any other handshake failure, as the TLS library words it.
        case other(String)
    }

    package enum ProxyProblem: Equatable, Sendable {
        /// Nothing accepts connections at the proxy's host and port.
        case refused
        /// The proxy's host name does not resolve.
        case nameNotResolved
        /// The proxy answered 407: credentials missing from its URL, or not accepted.
        case authenticationRequired
        /// The proxy refused to open a tunnel to the instance (another status).
        case tunnelRefused
    }
}
