import Foundation
import InvGateAPI
import InvGateWire

/// A failure of the first contact with an instance, worded for a newcomer: one sentence saying what
/// happened, the URL (never a credential), and what to change.
struct ContactFailure: SentenceFailure {
    /// The instance root as given.
    let url: String
    /// Where the URL came from: `--url` or `INVGATE_URL`.
    let urlSource: String
    let credentials: Credentials
    let reason: Reason
    /// In an environment, the variables it names for the credentials, by the `INVGATE_*` name each stands for.
    var variables: [String: String] = [:]

    enum Reason {
        case url(ConnectionFault.URLProblem)
        case api(InvGateError)
    }

    /// Ctrl-C during the first contact is exit 130; every other fault, 1.
    var status: ExitStatus {
        if case .api(let error) = reason { error.status } else { .failure }
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
        case .badPort(let port):
            "the instance URL \"\(url)\" has port \(port), not a number from 1 to 65535; set \(urlSource) to the instance root with the port it listens on"
        case .credentialsInURL:
            "the instance URL \"\(InstanceURL.withoutCredentials(url))\" has a user and password before the host; put them in INVGATE_USERNAME and INVGATE_TOKEN, and set \(urlSource) to the root alone"
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
        case .status(403, _, _) where credentials.isOAuth2:
            let scope = OAuthScope(error.endpoint, error.method)
            return
                "\(url) accepted the OAuth2 client but its token has no scope \(scope) for \(call) (HTTP 403); grant the OAuth client \(scope) in InvGate (deskform scopes lists every scope it needs), or set INVGATE_SCOPES to the scopes it has"
        case .authentication(let why) where why.contains("invalid_scope"):
            return
                "\(url) gave no OAuth2 token (\(why)); grant the OAuth client those scopes in InvGate (deskform scopes lists them), or set INVGATE_SCOPES to the scopes it has"
        case .status(403, _, _):
            return
                "\(url) accepted the credentials but forbids \(call) (HTTP 403); give the API user read access to \(error.endpoint.rawValue) in InvGate, or use one that has it"
        case .authentication(let why):
            return
                "\(url) gave no OAuth2 token (\(why)); check \(name("INVGATE_CLIENT_ID")), \(name("INVGATE_CLIENT_SECRET")) and INVGATE_TOKEN_URL"
        case .status(404, _, _):
            return
                "\(url) answered HTTP 404 to \(call): it is not the root of an InvGate instance; set \(urlSource) to the address InvGate opens at, e.g. https://acme.sd.cloud.invgate.net"
        case .unreachable(let why):
            return "\(url) could not be reached after every retry (\(why)); check that the instance is up, then run this again"
        default:
            return "\(error)"
        }
    }

    private func describe(_ fault: ConnectionFault) -> String {
        switch fault {
        case .malformedURL(.badPort(let port)):
            // The instance URL's port is checked before any request: a request's is the token URL's.
            return "the OAuth2 token URL has port \(port), not a number from 1 to 65535; set INVGATE_TOKEN_URL to a URL with the port its server listens on"
        case .malformedURL(let problem):
            return describe(problem)
        case .nameNotResolved(let host):
            return "the host \(host) of \(url) could not be found (DNS); check the host name in \(urlSource)"
        case .refused(let host, let port):
            return
                "\(url) refused the connection: nothing listens on port \(port) of \(host); check the port in \(urlSource) and that the instance is running"
        case .tls(.untrustedCertificate):
            return
                "the TLS certificate of \(url) is not trusted (self-signed or from a private CA); if your company uses its own CA, set INVGATE_CA_FILE to its PEM bundle"
        case .tls(.expired(let notValidAfter)):
            return
                "the TLS certificate of \(url) expired on \(Self.date(notValidAfter)); it has to be renewed on the instance (ask whoever runs it): no setting of deskform can fix it"
        case .tls(.notYetValid(let notValidBefore)):
            return
                "the TLS certificate of \(url) is not valid before \(Self.date(notValidBefore)); check this machine's clock, or wait until then"
        case .tls(.wrongHost):
            return "the TLS certificate of \(url) is for another host name; check the host in \(urlSource)"
        case .tls(.notTLS):
            return "\(url) does not speak TLS (it may be a plain-HTTP server); if so, write http:// in \(urlSource)"
        case .tls(.other(let why)):
            return "the TLS handshake with \(url) failed (\(why)); check \(urlSource), and INVGATE_CA_FILE if your company uses its own CA"
        case .proxy(.refused, let host, let port, let variable):
            return
                "the proxy \(host):\(port) (\(variable)) refused the connection on the way to \(url); check \(variable), or list the instance's host in NO_PROXY to reach it directly"
        case .proxy(.nameNotResolved, let host, _, let variable):
            return "the proxy host \(host) (\(variable)) could not be found (DNS) on the way to \(url); check \(variable)"
        case .proxy(.authenticationRequired, let host, let port, let variable):
            return
                "the proxy \(host):\(port) (\(variable)) wants a user and password it accepts (HTTP 407) on the way to \(url); write them in \(variable) as http://user:password@\(host):\(port), with % escapes"
        case .proxy(.tunnelRefused, let host, let port, let variable):
            return
                "the proxy \(host):\(port) (\(variable)) would not open a connection to \(url); check that the proxy may reach the instance, or list its host in NO_PROXY"
        }
    }

    /// `2025-01-02 00:00 UTC`.
    static func date(_ secondsSince1970: Int) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(secondsSince1970)))
    }

    private var credentialAdvice: String {
        switch credentials {
        case .basic: "check \(name("INVGATE_USERNAME")) and \(name("INVGATE_TOKEN"))"
        case .oauth2: "check \(name("INVGATE_CLIENT_ID")) and \(name("INVGATE_CLIENT_SECRET"))"
        case .none: "set INVGATE_USERNAME and INVGATE_TOKEN (or INVGATE_CLIENT_ID and INVGATE_CLIENT_SECRET)"
        }
    }

    /// The variable that holds `variable`'s value: the environment's own, else `variable`.
    private func name(_ variable: String) -> String { variables[variable] ?? variable }
}
