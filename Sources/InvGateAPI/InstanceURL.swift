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
        guard components.percentEncodedUser == nil, components.percentEncodedPassword == nil else { throw .credentialsInURL }
        var path = components.path
        while path.hasSuffix("/") { path.removeLast() }
        let rest = path + (components.query.map { "?" + $0 } ?? "")
        guard rest.isEmpty else { throw .pathAfterRoot(rest) }
    }

    /// `url` without the user and password before its host, to show in a message; as it is when it
    /// has none (or cannot be read).
    public static func withoutCredentials(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.percentEncodedUser != nil || components.percentEncodedPassword != nil
        else { return url }
        components.percentEncodedUser = nil
        components.percentEncodedPassword = nil
        return components.string ?? url
    }

    /// `url` cut to its root (`scheme://host[:port]`), for a suggestion.
    public static func root(of url: String) -> String? {
        guard let components = URLComponents(string: url), let scheme = components.scheme, let host = components.host else { return nil }
        return "\(scheme)://\(host)" + (components.port.map { ":\($0)" } ?? "")
    }
}
