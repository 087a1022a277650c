import Foundation
import NIOSSL

/// What a company network needs of the transport: a private CA, a proxy, a timeout per request.
/// Read from the environment by ``fromEnvironment(_:instanceURL:)``.
package struct NetworkSettings: Sendable {
    /// Certificates added to the system's trusted roots (`INVGATE_CA_FILE`).
    package var additionalTrustRoots: [NIOSSLCertificate]
    /// The proxy every request goes through, if any.
    package var proxy: Proxy?
    /// The longest wait for a connection.
    package var connectTimeout: Duration
    /// The longest wait for one answer (`--timeout`).
    package var requestTimeout: Duration

    /// An HTTP proxy; every request goes through it in a tunnel (`CONNECT`), http and https alike.
    package struct Proxy: Equatable, Sendable, CustomStringConvertible {
        package var host: String
        package var port: Int
        /// The variable it came from, to name in messages.
        package var variable: String
        /// The user and password of its URL (`http://user:password@proxy:3128`), sent as
        /// `Proxy-Authorization: Basic …`.
        package var credentials: Credentials?

        package init(host: String, port: Int, variable: String, credentials: Credentials? = nil) {
            self.host = host
            self.port = port
            self.variable = variable
            self.credentials = credentials
        }

        /// `the proxy proxy.corp:3128 (HTTPS_PROXY, user alice)`: never the password.
        package var description: String {
            "the proxy \(host):\(port) (\(variable)\(credentials.map { ", user \($0.username)" } ?? ""))"
        }

        /// A proxy's user and password, percent-decoded. Described and reflected without the password,
        /// so that no message, log or dump can show it.
        package struct Credentials: Equatable, Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
            package var username: String
            package var password: String

            package init(username: String, password: String) {
                self.username = username
                self.password = password
            }

            package var description: String { "user \(username)" }
            package var debugDescription: String { description }
            package var customMirror: Mirror { Mirror(self, children: ["username": username]) }
        }
    }

    /// How long a request may wait for its answer when `--timeout` is not given.
    package static let defaultRequestTimeout: Duration = .seconds(60)

    package init(
        additionalTrustRoots: [NIOSSLCertificate] = [], proxy: Proxy? = nil, connectTimeout: Duration = .seconds(10),
        requestTimeout: Duration = defaultRequestTimeout
    ) {
        self.additionalTrustRoots = additionalTrustRoots
        self.proxy = proxy
        self.connectTimeout = connectTimeout
        self.requestTimeout = requestTimeout
    }

    /// A setting that cannot be used, with the variable that holds it.
    package enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        case unreadableCAFile(path: String, why: String)
        case malformedProxy(variable: String)
        /// A proxy URL with a scheme other than http:// (`https://`, `socks5://`).
        case unsupportedProxyScheme(variable: String, scheme: String)

        package var description: String {
            switch self {
            case .unreadableCAFile(let path, let why):
                "INVGATE_CA_FILE names \(path), which cannot be read as a PEM bundle of certificates (\(why)); point it at your CA's certificates in PEM form, or unset it"
            case .malformedProxy(let variable):
                "\(variable) is not a proxy URL like http://proxy.example:3128 or http://user:password@proxy.example:3128 (with % escapes in the user and password); correct it, or unset it"
            case .unsupportedProxyScheme(let variable, let scheme):
                "\(variable) is a \(scheme):// proxy, but only http:// proxies are supported (an HTTP proxy tunnels https requests too); set it to http://proxy.example:3128, or unset it"
            }
        }
    }

    /// `INVGATE_CA_FILE`, and the proxy for `instanceURL`: `HTTPS_PROXY` for an https URL, `HTTP_PROXY`
    /// for an http one (either in lower case too), unless `NO_PROXY` lists its host.
    package static func fromEnvironment(
        _ environment: [String: String], instanceURL: String, requestTimeout: Duration = defaultRequestTimeout
    ) throws(Problem) -> NetworkSettings {
        var settings = NetworkSettings(requestTimeout: requestTimeout)
        if let path = environment["INVGATE_CA_FILE"], !path.isEmpty {
            do {
                settings.additionalTrustRoots = try NIOSSLCertificate.fromPEMFile(path)
            } catch {
                let why = FileManager.default.isReadableFile(atPath: path) ? "no certificate in it" : "no such readable file"
                throw .unreadableCAFile(path: path, why: why)
            }
            if settings.additionalTrustRoots.isEmpty { throw .unreadableCAFile(path: path, why: "no certificate in it") }
        }
        let target = URLComponents(string: instanceURL)
        let host = target?.host ?? ""
        let names = target?.scheme?.lowercased() == "https" ? ["HTTPS_PROXY", "https_proxy"] : ["HTTP_PROXY", "http_proxy"]
        guard let variable = names.first(where: { environment[$0]?.isEmpty == false }), let value = environment[variable] else {
            return settings
        }
        let exclusions = (environment["NO_PROXY"] ?? environment["no_proxy"] ?? "")
        guard !Self.excluded(host, by: exclusions) else { return settings }
        let withScheme = value.contains("://") ? value : "http://" + value
        if let schemeEnd = withScheme.range(of: "://") {
            let scheme = withScheme[..<schemeEnd.lowerBound].lowercased()
            // Named only when it reads as a scheme, so that no part of a user or password is shown.
            guard scheme.allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) }) else { throw .malformedProxy(variable: variable) }
            guard scheme == "http" else { throw .unsupportedProxyScheme(variable: variable, scheme: scheme) }
        }
        guard let proxy = URLComponents(string: withScheme), let proxyHost = proxy.host, !proxyHost.isEmpty,
            InstanceURL.ports.contains(proxy.port ?? 80)
        else {
            throw .malformedProxy(variable: variable)
        }
        var credentials: Proxy.Credentials?
        if let user = proxy.percentEncodedUser {
            guard let username = user.removingPercentEncoding, let password = (proxy.percentEncodedPassword ?? "").removingPercentEncoding
            else { throw .malformedProxy(variable: variable) }
            credentials = Proxy.Credentials(username: username, password: password)
        }
        settings.proxy = Proxy(host: proxyHost, port: proxy.port ?? 80, variable: variable, credentials: credentials)
        return settings
    }

    /// Whether `NO_PROXY` (comma-separated hosts, domain suffixes with or without a leading dot, `*`)
    /// covers `host`.
    static func excluded(_ host: String, by list: String) -> Bool {
        let host = host.lowercased()
        for entry in list.split(separator: ",") {
            var pattern = entry.trimmingCharacters(in: .whitespaces).lowercased()
            if pattern == "*" { return true }
            if let colon = pattern.lastIndex(of: ":"), !pattern.contains("]") { pattern = String(pattern[..<colon]) }
            if pattern.hasPrefix("*") { pattern.removeFirst() }
            if pattern.hasPrefix(".") { pattern.removeFirst() }
            guard !pattern.isEmpty else { continue }
            if host == pattern || host.hasSuffix("." + pattern) { return true }
        }
        return false
    }
}
