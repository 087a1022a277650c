import DeskformCLI
import Foundation
import Hummingbird
import HummingbirdTLS
import InvGateWire
import NIOSSL
import Simulator
import TestSupport
import Testing

/// A first run against a wrong URL, certificate or credential: each fails at once (no retries), with
/// exit 1 and one sentence naming the URL and the fix. Each against a real socket.
@Suite("first contact")
struct FirstContactTests {
    static let credentials = PlanCommandTests.credentials
    /// Seconds within which a fault no retry can fix ends the command: well below the retries' 120 s in
    /// all, so a fault retried by mistake fails the test, and generous for a loaded machine (a run takes
    /// 1-2 s alone, and was seen to take 21 s beside the rest of the suite on 2 cores).
    static let notRetried: Double = 60

    /// `deskform plan examples/acme` with `arguments` and `environment`: exit code, output, seconds taken.
    static func plan(
        _ arguments: [String], environment: [String: String] = credentials
    ) async throws -> (code: Int32, recording: Console.Recording, seconds: Double) {
        let target = try TargetOptions.parse(arguments)
        let start = ContinuousClock.now
        let (code, recording) = await Console.run { console in
            await PlanCommand.plan(
                paths: [Golden.path("examples/acme")], format: .text, detailedExitcode: false, out: nil, target: target,
                environment: environment, console: console)
        }
        let elapsed = ContinuousClock.now - start
        return (code, recording, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    @Test(
        "a malformed URL is refused before any request, naming the variable and the fix",
        arguments: [
            (
                "acme.sd.cloud.invgate.net",
                "the instance URL \"acme.sd.cloud.invgate.net\" has no scheme; set INVGATE_URL to its root with https://, e.g. https://acme.sd.cloud.invgate.net"
            ),
            (
                "ftp://acme.example",
                "the instance URL \"ftp://acme.example\" uses ftp://, which deskform cannot speak; set INVGATE_URL to its https:// root"
            ),
            (
                "https://acme.example/api/v1",
                "the instance URL \"https://acme.example/api/v1\" has /api/v1 after the root; set INVGATE_URL to the root alone, https://acme.example"
            ),
            (
                "http://127.0.0.1:99999",
                "the instance URL \"http://127.0.0.1:99999\" has port 99999, not a number from 1 to 65535; set INVGATE_URL to the instance root with the port it listens on"
            ),
            (
                "https://acme.example:https",
                "the instance URL \"https://acme.example:https\" has port https, not a number from 1 to 65535; set INVGATE_URL to the instance root with the port it listens on"
            ),
            (
                "https://api:s3cret@acme.example",
                "the instance URL \"https://acme.example\" has a user and password before the host; put them in INVGATE_USERNAME and INVGATE_TOKEN, and set INVGATE_URL to the root alone, https://acme.example"
            ),
            (
                "api:s3cret@acme.example",
                "the instance URL \"acme.example\" has a user and password before the host; put them in INVGATE_USERNAME and INVGATE_TOKEN, and set INVGATE_URL to the root alone"
            ),
        ])
    func malformedURL(url: String, message: String) async throws {
        var environment = Self.credentials
        environment["INVGATE_URL"] = url
        let (code, result, seconds) = try await Self.plan([], environment: environment)
        #expect(code == 1)
        #expect(result.output == "")
        #expect(result.errorOutput == "deskform: error: \(message)\n")
        #expect(seconds < Self.notRetried)
    }

    @Test("a token URL whose port no server can listen on is named, with nothing sent")
    func tokenURLPortOutOfRange() async throws {
        let environment = [
            "INVGATE_URL": "http://127.0.0.1:1", "INVGATE_CLIENT_ID": "deskform", "INVGATE_CLIENT_SECRET": "s3cret",
            "INVGATE_TOKEN_URL": "http://127.0.0.1:99999/token",
        ]
        let (code, result, seconds) = try await Self.plan([], environment: environment)
        #expect(code == 1)
        #expect(
            result.errorOutput
                == "deskform: error: the OAuth2 token URL has port 99999, not a number from 1 to 65535; set INVGATE_TOKEN_URL to a URL with the port its server listens on\n"
        )
        #expect(seconds < Self.notRetried)
    }

    @Test("a closed port: refused at once, not retried")
    func refused() async throws {
        let (code, result, seconds) = try await Self.plan(["--url", "http://127.0.0.1:1"])
        #expect(code == 1)
        #expect(result.output == "deskform: target http://127.0.0.1:1 (HTTP Basic auth)\n")
        #expect(
            result.errorOutput
                == "deskform: error: http://127.0.0.1:1 refused the connection: nothing listens on port 1 of 127.0.0.1; check the port in --url and that the instance is running\n"
        )
        #expect(seconds < Self.notRetried)
    }

    @Test("an unresolvable host (.invalid): DNS named, not retried")
    func unresolvable() async throws {
        let (code, result, seconds) = try await Self.plan(["--url", "https://deskform-first-contact.invalid"])
        #expect(code == 1)
        #expect(
            result.errorOutput
                == "deskform: error: the host deskform-first-contact.invalid of https://deskform-first-contact.invalid could not be found (DNS); check the host name in --url\n"
        )
        #expect(seconds < Self.notRetried)
    }

    @Test("https spoken to a plain-HTTP listener: says it does not speak TLS")
    func plainHTTPOverTLS() async throws {
        try await withLiveSimulator { simulator in
            let url = simulator.url.replacingOccurrences(of: "http://", with: "https://")
            let (code, result, seconds) = try await Self.plan(["--url", url])
            #expect(code == 1)
            #expect(
                result.errorOutput
                    == "deskform: error: \(url) does not speak TLS (it may be a plain-HTTP server); if so, write http:// in --url\n")
            #expect(seconds < Self.notRetried)
        }
    }

    @Test("a self-signed certificate: untrusted, INVGATE_CA_FILE named; with INVGATE_CA_FILE, the plan is made")
    func selfSigned() async throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (certificate, key) = try Self.selfSignedCertificate(in: directory)
        try await withTLSSimulator(certificate: certificate, key: key) { url in
            let (code, result, seconds) = try await Self.plan(["--url", url])
            #expect(code == 1)
            #expect(
                result.errorOutput
                    == "deskform: error: the TLS certificate of \(url) is not trusted (self-signed or from a private CA); if your company uses its own CA, set INVGATE_CA_FILE to its PEM bundle\n"
            )
            #expect(seconds < Self.notRetried)

            var environment = Self.credentials
            environment["INVGATE_CA_FILE"] = certificate
            let (trusted, planned, _) = try await Self.plan(["--url", url], environment: environment)
            #expect(trusted == 0, "\(planned.errorOutput)")
            #expect(planned.output.hasPrefix("deskform: target \(url) (HTTP Basic auth)\n"))
            #expect(planned.output.contains("Plan: "))
        }
    }

    @Test("a certificate for another host, trusted through INVGATE_CA_FILE: the host is named as the fault, not the trust")
    func wrongHost() async throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (certificate, key) = try Self.selfSignedCertificate(in: directory, name: "other.example")
        try await withTLSSimulator(certificate: certificate, key: key) { url in
            var environment = Self.credentials
            environment["INVGATE_CA_FILE"] = certificate
            let (code, result, seconds) = try await Self.plan(["--url", url], environment: environment)
            #expect(code == 1)
            #expect(
                result.errorOutput
                    == "deskform: error: the TLS certificate of \(url) is for another host name; check the host in --url\n")
            #expect(seconds < Self.notRetried)
        }
    }

    @Test(
        "a trusted certificate out of its dates: expired (renew it) or not yet valid (the clock), each with its date",
        arguments: [
            (
                "20250101000000Z", "20250102000000Z",
                "expired on 2025-01-02 00:00 UTC; it has to be renewed on the instance (ask whoever runs it): no setting of deskform can fix it"
            ),
            (
                "20990101000000Z", "21000101000000Z",
                "is not valid before 2099-01-01 00:00 UTC; check this machine's clock, or wait until then"
            ),
        ])
    func outOfDates(notBefore: String, notAfter: String, sentence: String) async throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (authority, certificate, key) = try Self.certificateFromAuthority(in: directory, notBefore: notBefore, notAfter: notAfter)
        try await withTLSSimulator(certificate: certificate, key: key) { url in
            var environment = Self.credentials
            environment["INVGATE_CA_FILE"] = authority
            let (code, result, seconds) = try await Self.plan(["--url", url], environment: environment)
            #expect(code == 1)
            #expect(result.errorOutput == "deskform: error: the TLS certificate of \(url) \(sentence)\n")
            #expect(seconds < Self.notRetried)
        }
    }

    @Test("an INVGATE_CA_FILE that holds no certificate is named")
    func unreadableCAFile() async throws {
        var environment = Self.credentials
        environment["INVGATE_CA_FILE"] = "/nonexistent/ca.pem"
        let (code, result, _) = try await Self.plan(["--url", "https://acme.example"], environment: environment)
        #expect(code == 1)
        #expect(
            result.errorOutput
                == "deskform: error: INVGATE_CA_FILE names /nonexistent/ca.pem, which cannot be read as a PEM bundle of certificates (no such readable file); point it at your CA's certificates in PEM form, or unset it\n"
        )
    }

    @Test("wrong credentials: 401 on the same first request every run, the variables named")
    func unauthorized() async throws {
        try await withLiveSimulator { simulator in
            for _ in 0..<3 {
                let (code, result, seconds) = try await Self.plan(
                    ["--url", simulator.url], environment: ["INVGATE_USERNAME": "api", "INVGATE_TOKEN": "wrong"])
                #expect(code == 1)
                #expect(
                    result.errorOutput
                        == "deskform: error: \(simulator.url) refused the credentials (HTTP 401 on GET sd.version); check INVGATE_USERNAME and INVGATE_TOKEN\n"
                )
                #expect(!result.errorOutput.contains("wrong"))
                #expect(seconds < Self.notRetried)
            }
            let (code, result, _) = try await Self.plan(["--url", simulator.url], environment: [:])
            #expect(code == 1)
            #expect(
                result.errorOutput
                    == "deskform: error: \(simulator.url) refused the credentials (HTTP 401 on GET sd.version); set INVGATE_USERNAME and INVGATE_TOKEN (or INVGATE_CLIENT_ID and INVGATE_CLIENT_SECRET)\n"
            )
        }
    }

    @Test("a forbidden endpoint: 403 names the endpoint and the fix")
    func forbidden() async throws {
        var options = SimulatorOptions()
        options.forbidden = [.companies]
        try await withLiveSimulator(options: options) { simulator in
            let (code, result, seconds) = try await Self.plan(["--url", simulator.url])
            #expect(code == 1)
            #expect(
                result.errorOutput
                    == "deskform: error: \(simulator.url) accepted the credentials but forbids GET companies (HTTP 403); give the API user read access to companies in InvGate, or use one that has it\n"
            )
            #expect(seconds < Self.notRetried)
        }
    }

    @Test("a web server that is not an InvGate instance: the 404 of the first request says so, and what to set")
    func notAnInstance() async throws {
        try await Self.withWebServer { url in
            let (code, result, _) = try await Self.plan(["--url", url])
            #expect(code == 1)
            #expect(
                result.errorOutput
                    == "deskform: error: \(url) answered HTTP 404 to GET sd.version: it is not the root of an InvGate instance; set --url to the address InvGate opens at, e.g. https://acme.sd.cloud.invgate.net\n"
            )
        }
    }

    @Test("a credential pair set by half names the missing variable; both pairs set: the target line says which is used")
    func credentialVariables() async throws {
        let (code, result, _) = try await Self.plan(["--url", "https://acme.example"], environment: ["INVGATE_USERNAME": "api"])
        #expect(code == 1)
        #expect(
            result.errorOutput
                == "deskform: error: INVGATE_USERNAME is set but INVGATE_TOKEN is not; set INVGATE_TOKEN as well, or unset INVGATE_USERNAME\n"
        )
        try await withLiveSimulator { simulator in
            let environment = Self.credentials.merging(["INVGATE_CLIENT_ID": "c", "INVGATE_CLIENT_SECRET": "s"]) { $1 }
            let (_, both, _) = try await Self.plan(["--url", simulator.url], environment: environment)
            #expect(
                both.output.hasPrefix(
                    "deskform: target \(simulator.url) (OAuth2 client credentials, token from \(simulator.url)/oauth/v2.0/access_token; INVGATE_USERNAME and INVGATE_TOKEN are set too, and not used)\n"
                ))
        }
    }

    @Test("an unknown DESKFORM_LOG is a warning, and the command goes on")
    func unknownLogLevel() async throws {
        try await withLiveSimulator { simulator in
            let (code, result, _) = try await Self.plan(
                ["--url", simulator.url], environment: Self.credentials.merging(["DESKFORM_LOG": "verbose"]) { $1 })
            #expect(code == 0)
            #expect(
                result.errorOutput.hasPrefix(
                    "deskform: warning: DESKFORM_LOG=verbose is not a log level, so nothing is logged; use one of trace, debug, info, notice, warning, error, critical\n"
                ))
        }
    }

    /// A new empty folder under the temporary directory.
    static func scratch() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// A self-signed certificate made with `openssl`, for 127.0.0.1 and localhost unless `name` names
    /// another host: the paths of its PEM and key.
    static func selfSignedCertificate(in directory: URL, name: String? = nil) throws -> (certificate: String, key: String) {
        let certificate = directory.appendingPathComponent("cert.pem").path
        let key = directory.appendingPathComponent("key.pem").path
        try openssl([
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", certificate, "-days", "2",
            "-subj", "/CN=\(name ?? "127.0.0.1")", "-addext",
            "subjectAltName=" + (name.map { "DNS:\($0)" } ?? "IP:127.0.0.1,DNS:localhost"),
        ])
        return (certificate, key)
    }

    /// A certificate authority and a certificate it signed for 127.0.0.1, valid from `notBefore` to
    /// `notAfter` (`YYYYMMDDHHMMSSZ`), made with `openssl ca` (whose `-startdate`/`-enddate` any openssl 3
    /// has): the paths of the authority's PEM, and of the certificate's PEM and key.
    static func certificateFromAuthority(
        in directory: URL, notBefore: String, notAfter: String
    ) throws -> (authority: String, certificate: String, key: String) {
        func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
        try openssl([
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", path("ca.key"), "-out", path("ca.pem"), "-days", "2",
            "-subj", "/CN=deskform test CA",
        ])
        try openssl([
            "req", "-newkey", "rsa:2048", "-nodes", "-keyout", path("key.pem"), "-out", path("cert.csr"), "-subj", "/CN=127.0.0.1",
        ])
        try Data().write(to: URL(fileURLWithPath: path("index.txt")))
        try Data("01\n".utf8).write(to: URL(fileURLWithPath: path("serial")))
        try Data(
            """
            [ca]
            default_ca = test
            [test]
            database = \(path("index.txt"))
            new_certs_dir = \(directory.path)
            serial = \(path("serial"))
            default_md = sha256
            policy = anything
            [anything]
            commonName = supplied
            [leaf]
            subjectAltName = IP:127.0.0.1,DNS:localhost

            """.utf8
        ).write(to: URL(fileURLWithPath: path("ca.cnf")))
        try openssl([
            "ca", "-batch", "-config", path("ca.cnf"), "-cert", path("ca.pem"), "-keyfile", path("ca.key"), "-in", path("cert.csr"),
            "-out", path("cert.pem"), "-startdate", notBefore, "-enddate", notAfter, "-extensions", "leaf", "-notext",
        ])
        return (path("ca.pem"), path("cert.pem"), path("key.pem"))
    }

    /// Runs `openssl` with `arguments`; a failure is recorded with what it printed.
    static func openssl(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl"] + arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let printed = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(
            process.terminationStatus == 0, "openssl \(arguments.first ?? ""): \(String(decoding: printed, as: UTF8.self))",
            sourceLocation: sourceLocation)
    }

    /// A web server that is not an InvGate instance, on a free port: a router with no route answers 404 to
    /// every request, as whatever answers at a wrong address would.
    static func withWebServer(_ body: @Sendable (String) async throws -> Void) async throws {
        let (ports, bound) = AsyncStream.makeStream(of: Int.self)
        let application = Application(
            router: Router(), configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in bound.yield(channel.localAddress?.port ?? 0) }, logger: Fixtures.quietLogger)
        try await withRunning(application, ports: ports, bound: bound, logger: Fixtures.quietLogger) { port in
            try await body("http://127.0.0.1:\(port)")
        }
    }

    /// The simulator served over TLS with the certificate at `certificate`, on a free port.
    func withTLSSimulator(certificate: String, key: String, _ body: @Sendable (String) async throws -> Void) async throws {
        let tls = TLSConfiguration.makeServerConfiguration(
            certificateChain: try NIOSSLCertificate.fromPEMFile(certificate).map { .certificate($0) },
            privateKey: .privateKey(try NIOSSLPrivateKey(file: key, format: .pem)))
        let options = SimulatorOptions(host: "127.0.0.1", port: 0)
        let simulator = InvGateSimulator(store: SimulatorStore(estate: Fixtures.demoEstate), options: options, logger: Fixtures.quietLogger)
        let (ports, bound) = AsyncStream.makeStream(of: Int.self)
        let application = Application(
            router: buildRouter(simulator), server: try .tls(.http1(), tlsConfiguration: tls),
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in bound.yield(channel.localAddress?.port ?? 0) }, logger: Fixtures.quietLogger)
        try await withRunning(application, ports: ports, bound: bound, logger: Fixtures.quietLogger) { port in
            try await body("https://127.0.0.1:\(port)")
        }
    }
}
