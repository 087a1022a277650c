import Foundation
import InvGateWire

/// The root of an instance, checked before any request: `http(s)://host[:port]`, nothing after the root.
package enum InstanceURL {
    /// Fails with what is wrong with `url` as an instance root.
    package static func check(_ url: String) throws(ConnectionFault.URLProblem) {
        // First, so that no other message shows a password (`user:password@host` has no scheme either).
        if authority(of: url).contains("@") { throw .credentialsInURL }
        guard let schemeEnd = url.range(of: "://") else { throw .noScheme }
        let scheme = url[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "https" || scheme == "http" else { throw .unsupportedScheme(String(scheme)) }
        if let port = port(of: url), Int(port).map(Self.ports.contains) != true { throw .badPort(String(port)) }
        guard let components = URLComponents(string: url), let host = components.host, !host.isEmpty else { throw .noHost }
        var path = components.path
        while path.hasSuffix("/") { path.removeLast() }
        let rest = path + (components.query.map { "?" + $0 } ?? "")
        guard rest.isEmpty else { throw .pathAfterRoot(rest) }
    }

    /// The ports a server can listen on.
    package static let ports = 1...65535

    /// `url` without the user and password before its host, to show in a message; as it is when it
    /// has none.
    package static func withoutCredentials(_ url: String) -> String {
        let authority = authority(of: url)
        guard let at = authority.lastIndex(of: "@") else { return url }
        return String(url[..<authority.startIndex] + url[url.index(after: at)...])
    }

    /// What follows the host's `:` in `url` (nil when there is none, or nothing after it).
    private static func port(of url: String) -> Substring? {
        let authority = authority(of: url)
        let afterHost = authority.hasPrefix("[") ? authority.firstIndex(of: "]").map { authority[$0...].dropFirst() } : authority
        guard let afterHost, let colon = afterHost.lastIndex(of: ":") else { return nil }
        let port = afterHost[afterHost.index(after: colon)...]
        return port.isEmpty ? nil : port
    }

    /// The part of `url` between `scheme://` (or its start) and the path, query or fragment.
    private static func authority(of url: String) -> Substring {
        let start = url.range(of: "://")?.upperBound ?? url.startIndex
        return url[start...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
    }

    /// `url` cut to its root (`scheme://host[:port]`), for a suggestion.
    package static func root(of url: String) -> String? {
        guard let components = URLComponents(string: url), let scheme = components.scheme, let host = components.host else { return nil }
        return "\(scheme)://\(host)" + (components.port.map { ":\($0)" } ?? "")
    }
}
