import DeskformCLI
import Foundation
import Simulator
import TestSupport
import Testing

/// `HTTP_PROXY`/`HTTPS_PROXY` with a user and password, `NO_PROXY`, and a proxy that refuses: through a
/// real proxy on a socket (``TestProxy``), never printing the password.
@Suite("first contact through a proxy")
struct ProxyTests {
    /// The proxy's password, with the characters a URL must escape; written escaped in the proxy URL.
    static let password = "s3cret:@/%"
    static let escapedPassword = "s3cret%3A%40%2F%25"
    static let authorization = "Basic " + Data("deskform:\(password)".utf8).base64EncodedString()

    static func environment(proxyPort: Int, password: String = escapedPassword) -> [String: String] {
        PlanCommandTests.credentials.merging(["HTTP_PROXY": "http://deskform:\(password)@127.0.0.1:\(proxyPort)", "DESKFORM_LOG": "debug"])
        {
            $1
        }
    }

    /// The requests counted on the `Read the instance in N requests` line.
    static func readCount(_ errorOutput: String) -> Int? {
        guard let match = errorOutput.firstMatch(of: /Read the instance in (\d+) requests/) else { return nil }
        return Int(match.output.1)
    }

    @Test("plan through a proxy with a user and password: every request tunnelled, the credentials sent, the password never shown")
    func planThroughProxy() async throws {
        try await TestProxy.with(requiredAuthorization: Self.authorization) { proxy in
            try await withLiveSimulator { simulator in
                let environment = Self.environment(proxyPort: proxy.port)
                let (code, result, _) = try await FirstContactTests.plan(["--url", simulator.url], environment: environment)
                #expect(code == 0, "\(result.errorOutput)")
                #expect(
                    result.output.hasPrefix(
                        "deskform: target \(simulator.url) (HTTP Basic auth), through the proxy 127.0.0.1:\(proxy.port) (HTTP_PROXY, user deskform)\n"
                    ))
                #expect(!proxy.connects.isEmpty)
                #expect(proxy.connects.allSatisfy { $0 == "CONNECT 127.0.0.1:\(simulator.port) HTTP/1.1" }, "\(proxy.connects)")
                #expect(proxy.authorizations.allSatisfy { $0 == Self.authorization }, "\(proxy.authorizations)")
                // Every request the command counted went through the proxy, the first GET sd.version first.
                #expect(proxy.tunnelledRequests.first == "GET /api/v1/sd.version HTTP/1.1")
                #expect(proxy.tunnelledRequests.count == Self.readCount(result.errorOutput))
                for shown in [result.output, result.errorOutput] {
                    #expect(!shown.contains(Self.password) && !shown.contains(Self.escapedPassword) && !shown.contains("s3cret"))
                }

                // NO_PROXY lists the instance's host: reached directly, the proxy sees nothing more.
                let before = proxy.connects.count
                var direct = environment
                direct["NO_PROXY"] = "127.0.0.1"
                let (directCode, directResult, _) = try await FirstContactTests.plan(["--url", simulator.url], environment: direct)
                #expect(directCode == 0, "\(directResult.errorOutput)")
                #expect(directResult.output.hasPrefix("deskform: target \(simulator.url) (HTTP Basic auth)\n"))
                #expect(proxy.connects.count == before)
            }
        }
    }

    @Test("doctor names the proxy and its user, never the password")
    func doctorThroughProxy() async throws {
        try await TestProxy.with(requiredAuthorization: Self.authorization) { proxy in
            try await withLiveSimulator { simulator in
                let (code, result) = try await DoctorCommandTests.doctor(
                    url: simulator.url, environment: Self.environment(proxyPort: proxy.port))
                #expect(code == 0, "\(result.output)")
                #expect(
                    result.output.contains("\nok       network: through the proxy 127.0.0.1:\(proxy.port) (HTTP_PROXY, user deskform)\n"))
                #expect(!proxy.connects.isEmpty)
                #expect(!result.output.contains("s3cret") && !result.errorOutput.contains("s3cret"))
            }
        }
    }

    @Test("a password the proxy refuses (407): not retried, the variable named, the password not shown")
    func proxyRefusesCredentials() async throws {
        try await TestProxy.with(requiredAuthorization: Self.authorization) { proxy in
            try await withLiveSimulator { simulator in
                let environment = Self.environment(proxyPort: proxy.port, password: "wr0ng%40")
                let (code, result, seconds) = try await FirstContactTests.plan(["--url", simulator.url], environment: environment)
                #expect(code == 1)
                #expect(
                    result.errorOutput.hasSuffix(
                        "deskform: error: the proxy 127.0.0.1:\(proxy.port) (HTTP_PROXY) wants a user and password it accepts (HTTP 407) on the way to \(simulator.url); write them in HTTP_PROXY as http://user:password@127.0.0.1:\(proxy.port), with % escapes\n"
                    ))
                #expect(proxy.connects.count == 1)
                #expect(!result.output.contains("wr0ng") && !result.errorOutput.contains("wr0ng"))
                #expect(seconds < 10)
            }
        }
    }

    @Test("a proxy that is not there: its address and variable named, not the instance's")
    func proxyNotListening() async throws {
        try await withLiveSimulator { simulator in
            let environment = PlanCommandTests.credentials.merging(["HTTP_PROXY": "http://127.0.0.1:1"]) { $1 }
            let (code, result, seconds) = try await FirstContactTests.plan(["--url", simulator.url], environment: environment)
            #expect(code == 1)
            #expect(
                result.errorOutput
                    == "deskform: error: the proxy 127.0.0.1:1 (HTTP_PROXY) refused the connection on the way to \(simulator.url); check HTTP_PROXY, or list the instance's host in NO_PROXY to reach it directly\n"
            )
            #expect(seconds < 10)
        }
    }
}
