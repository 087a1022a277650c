import InvGateAPI
import InvGateWire

/// A failure of the first contact with an instance, worded for a newcomer: one sentence saying what
/// happened, the URL (never a credential), and what to change.
struct ContactFailure: Error, CustomStringConvertible {
    /// The instance root as given.
    let url: String
    /// Where the URL came from: `--url` or `INVGATE_URL`.
    let urlSource: String
    let credentials: Credentials
    let reason: Reason

    enum Reason {
        case url(ConnectionFault.URLProblem)
        case api(InvGateError)
    }

    var description: String {
        switch reason {
        case .url(let problem): describe(problem)
        case .api(let error): describe(error)
        }
    }

    private func describe(_ problem: ConnectionFault.URLProblem) -> String {
        switch problem {
        case .noScheme:
            "the instance URL \"\(url)\" has no scheme; set \(urlSource) to its root with https://, e.g. https://\(url.split(separator: "/").first ?? "")"
        case .unsupportedScheme(let scheme):
            "the instance URL \"\(url)\" uses \(scheme)://, which deskform cannot speak; set \(urlSource) to its https:// root"
        case .noHost:
            "the instance URL \"\(url)\" has no host; set \(urlSource) to the instance root, e.g. https://acme.sd.cloud.invgate.net"
        case .pathAfterRoot(let path):
            "the instance URL \"\(url)\" has \(path) after the root; set \(urlSource) to the root alone"
                + (InstanceURL.root(of: url).map { ", \($0)" } ?? "")
        }
    }

    private func describe(_ error: InvGateError) -> String {
        let call = "\(error.method.rawValue) \(error.endpoint.rawValue)"
        switch error.reason {
        case .cannotConnect(let fault):
            return describe(fault)
        case .cancelled:
            return "interrupted while talking to \(url); nothing more was sent"
        case .status(401, _, _):
            return "\(url) refused the credentials (HTTP 401 on \(call)); \(credentialAdvice)"
        case .status(403, _, _):
            return
                "\(url) accepted the credentials but forbids \(call) (HTTP 403); give the API user read access to \(error.endpoint.rawValue) in InvGate, or use one that has it"
        case .authentication(let why):
            return "\(url) gave no OAuth2 token (\(why)); check INVGATE_CLIENT_ID, INVGATE_CLIENT_SECRET and INVGATE_TOKEN_URL"
        case .unreachable(let why):
            return "\(url) could not be reached after every retry (\(why)); check that the instance is up, then run this again"
        default:
            return "\(error)"
        }
    }

    private func describe(_ fault: ConnectionFault) -> String {
        switch fault {
        case .malformedURL(let problem):
            return describe(problem)
        case .nameNotResolved(let host):
            return "the host \(host) of \(url) could not be found (DNS); check the host name in \(urlSource)"
        case .refused(let host, let port):
            return
                "\(url) refused the connection: nothing listens on port \(port) of \(host); check the port in \(urlSource) and that the instance is running"
        case .tls(.untrustedCertificate):
            return
                "the TLS certificate of \(url) is not trusted (self-signed, from a private CA, or expired); if your company uses its own CA, set INVGATE_CA_FILE to its PEM bundle"
        case .tls(.wrongHost):
            return "the TLS certificate of \(url) is for another host name; check the host in \(urlSource)"
        case .tls(.notTLS):
            return "\(url) does not speak TLS (it may be a plain-HTTP server); if so, write http:// in \(urlSource)"
        case .tls(.other(let why)):
            return "the TLS handshake with \(url) failed (\(why)); check \(urlSource), and INVGATE_CA_FILE if your company uses its own CA"
        }
    }

    private var credentialAdvice: String {
        switch credentials {
        case .basic: "check INVGATE_USERNAME and INVGATE_TOKEN"
        case .oauth2: "check INVGATE_CLIENT_ID and INVGATE_CLIENT_SECRET"
        case .none: "set INVGATE_USERNAME and INVGATE_TOKEN (or INVGATE_CLIENT_ID and INVGATE_CLIENT_SECRET)"
        }
    }
}
