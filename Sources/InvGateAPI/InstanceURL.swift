import Foundation
import InvGateWire

/// The root of an instance, checked before any request: `http(s)://host[:port]`, nothing after the root.
public enum InstanceURL {
    /// Fails with what is wrong with `url` as an instance root.
    public static func check(_ url: String) throws(ConnectionFault.URLProblem) {
        guard let schemeEnd = url.range(of: "://") else { throw .noScheme }
        let scheme = url[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "https" || scheme == "http" else { throw .unsupportedScheme(String(scheme)) }
        guard let components = URLComponents(string: url), let host = components.host, !host.isEmpty else { throw .noHost }
        var path = components.path
        while path.hasSuffix("/") { path.removeLast() }
        let rest = path + (components.query.map { "?" + $0 } ?? "")
        guard rest.isEmpty else { throw .pathAfterRoot(rest) }
    }

    /// `url` cut to its root (`scheme://host[:port]`), for a suggestion.
    public static func root(of url: String) -> String? {
        guard let components = URLComponents(string: url), let scheme = components.scheme, let host = components.host else { return nil }
        return "\(scheme)://\(host)" + (components.port.map { ":\($0)" } ?? "")
    }
}
