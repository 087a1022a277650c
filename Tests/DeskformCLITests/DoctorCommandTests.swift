import DeskformCLI
import EstateModel
import Foundation
import InvGateWire
import Simulator
import TestSupport
import Testing

@Suite("deskform doctor")
struct DoctorCommandTests {
    static func doctor(
        _ paths: [String] = [], url: String, format: DoctorCommand.Format = .text,
        environment: [String: String] = PlanCommandTests.credentials
    ) async throws -> (code: Int32, recording: Console.Recording) {
        let target = try TargetOptions.parse(["--url", url])
        return await Console.run { console in
            await DoctorCommand.doctor(paths: paths, format: format, target: target, environment: environment, console: console)
        }
    }

    /// The output with the measured latency (and so the suggestion) replaced by `N`.
    static func normalise(_ text: String) -> String {
        text.replacingOccurrences(of: #"\d+ ms"#, with: "N ms", options: .regularExpression)
            .replacingOccurrences(of: #"--parallelism \d+"#, with: "--parallelism N", options: .regularExpression)
    }

    @Test("an instance it has never seen, all ok: every kind's endpoints readable, the estate counted, nothing written")
    func allOK() async throws {
        try await withLiveSimulator { simulator in
            let before = await simulator.store.estate
            let (code, result) = try await Self.doctor(url: simulator.url)
            #expect(code == 0, "\(result.output)")
            let reads = [
                "users", "companies", "companies.observers", "companies.groups", "companies.users", "groups", "users.groups",
                "groups.observers", "groups.users", "locations", "locations.observers", "locations.users", "helpdesks", "helpdesksandlevels",
                "helpdesks.observers", "levels.observers", "kb.categories", "cf.fields.all", "cf.fields.types", "cf.field.options.list",
                "cf.field.options.tree", "user.by",
            ].map { "ok       read \($0): allowed\n" }.joined()
            let estate = before
            #expect(
                Self.normalise(result.output) == """
                    deskform doctor: \(simulator.url)
                    ok       url: \(simulator.url) (from --url)
                    ok       network: direct, no proxy
                    ok       reachable: \(simulator.url) answers; median latency N ms over 5 requests
                    warning  tls: plain http: credentials and data travel unencrypted; use https:// in --url if the instance has it
                    ok       credentials: accepted (HTTP Basic auth)
                    ok       api version: \(try await simulator.client.version())

                    """ + reads + """
                        ok       estate: \(estate.users.count) users, \(estate.companies.count) companies, \(estate.groups.count) groups, \(estate.locations.count) locations
                        ok       dialect: a missing parameter is refused with HTTP 400
                        warning  write access: not checked: it cannot be checked without writing, and doctor never writes; the first apply will show it
                        ok       parallelism: suggested --parallelism N for a median latency of N ms
                        Doctor: 30 ok, 2 warnings, 0 failed.

                        """)
            #expect(await simulator.store.estate == before)
        }
    }

    @Test("doctor reports what it learns of the instance's dialect, and writes nothing")
    func dialect() async throws {
        var estate = Fixtures.demoEstate
        estate.companies = [1: Company(id: 1, name: "Acme"), 2: Company(id: 2, name: "Globex")]
        for dialect in SimulatorDialect.allCases {
            try await withLiveSimulator(estate: estate, dialect: dialect) { simulator in
                let before = await simulator.store.estate
                let (code, result) = try await Self.doctor(url: simulator.url)
                #expect(code == 0)
                let expected =
                    dialect == .rough
                    ? "ok       dialect: lists are paged (page_size honoured); ids as strings; lists as maps keyed by id; a missing parameter is refused with HTTP 428\n"
                    : "ok       dialect: lists are not paged (page_size is ignored); ids as numbers; a missing parameter is refused with HTTP 400\n"
                #expect(result.output.contains(expected), "\(result.output)")
                #expect(await simulator.store.estate == before)
            }
        }
    }

    @Test("one endpoint forbidden: that line fails with the fix, the rest go on, exit 1; JSON says the same")
    func forbiddenEndpoint() async throws {
        var options = SimulatorOptions()
        options.forbidden = [.locationsObservers]
        try await withLiveSimulator(options: options) { simulator in
            let (code, result) = try await Self.doctor(url: simulator.url)
            #expect(code == 1)
            #expect(
                result.output.contains(
                    "\nfailed   read locations.observers: forbidden (HTTP 403); give the API user read access to locations.observers in InvGate\n"
                ))
            #expect(result.output.hasSuffix("Doctor: 29 ok, 2 warnings, 1 failed.\n"))

            let (jsonCode, json) = try await Self.doctor(url: simulator.url, format: .json)
            #expect(jsonCode == 1)
            let parsed = try JSONValue.parse(Array(json.output.utf8))
            #expect(parsed["ok"] == .bool(false))
            let failed = parsed["checks"]?.elements?.filter { $0["status"]?.string == "failed" }.compactMap { $0["name"]?.string }
            #expect(failed == ["read locations.observers"])
        }
    }

    @Test("the custom fields' options are probed: a forbidden one fails with the fix")
    func forbiddenOptions() async throws {
        var options = SimulatorOptions()
        options.forbidden = [.customFieldTreeOptions]
        try await withLiveSimulator(options: options) { simulator in
            let (code, result) = try await Self.doctor(url: simulator.url)
            #expect(code == 1)
            #expect(
                result.output.contains(
                    """

                    ok       read cf.field.options.list: allowed
                    failed   read cf.field.options.tree: forbidden (HTTP 403); give the API user read access to cf.field.options.tree in InvGate

                    """))
            #expect(result.output.hasSuffix("Doctor: 29 ok, 2 warnings, 1 failed.\n"))
        }
    }

    @Test("with manifests, only their kinds' endpoints are checked, and those of the kinds their steps change as side effects")
    func scopedToManifests() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("doctor-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("groups:\n  - name: Ops\n".utf8).write(to: directory.appendingPathComponent("groups.yaml"))
        try await withLiveSimulator { simulator in
            let (code, result) = try await Self.doctor([directory.path], url: simulator.url)
            #expect(code == 0)
            let reads = result.output.split(separator: "\n").filter { $0.hasPrefix("ok       read ") }
            // Deleting a group changes the companies that relate it: plan reads them too.
            #expect(
                reads
                    == [
                        "users", "companies", "companies.observers", "companies.groups", "companies.users", "groups", "users.groups",
                        "groups.observers", "groups.users",
                    ].map { "ok       read \($0): allowed" })
        }
    }

    @Test("wrong credentials: the credentials line fails with the variables to fix")
    func wrongCredentials() async throws {
        try await withLiveSimulator { simulator in
            let (code, result) = try await Self.doctor(
                url: simulator.url, environment: ["INVGATE_USERNAME": "api", "INVGATE_TOKEN": "nope"])
            #expect(code == 1)
            #expect(
                result.output.hasSuffix(
                    """
                    ok       reachable: \(simulator.url) answers
                    warning  tls: plain http: credentials and data travel unencrypted; use https:// in --url if the instance has it
                    failed   credentials: \(simulator.url) refused the credentials (HTTP 401 on GET sd.version); check INVGATE_USERNAME and INVGATE_TOKEN
                    Doctor: 3 ok, 1 warning, 1 failed.

                    """))
        }
    }

    @Test("a closed port: reachability fails within seconds")
    func closedPort() async throws {
        let (code, result) = try await Self.doctor(url: "http://127.0.0.1:1")
        #expect(code == 1)
        #expect(
            result.output.contains(
                "failed   reachable: http://127.0.0.1:1 refused the connection: nothing listens on port 1 of 127.0.0.1; check the port in --url and that the instance is running\n"
            ))
    }

    @Test("a web server that is not an InvGate instance: the API version fails, and the credentials are not called accepted")
    func notAnInstance() async throws {
        try await FirstContactTests.withWebServer { url in
            let (code, result) = try await Self.doctor(url: url)
            #expect(code == 1)
            #expect(
                result.output.hasSuffix(
                    """
                    ok       reachable: \(url) answers
                    warning  tls: plain http: credentials and data travel unencrypted; use https:// in --url if the instance has it
                    failed   api version: \(url) answered HTTP 404 to GET sd.version: it is not the root of an InvGate instance; set --url to the address InvGate opens at, e.g. https://acme.sd.cloud.invgate.net
                    Doctor: 3 ok, 1 warning, 1 failed.

                    """), "\(result.output)")
        }
    }
}
