import DeskformCLI
import EstateModel
import Foundation
import InvGateAPI
import InvGateWire
import Manifest
import Reconciler
import Simulator
import TestSupport
import Testing

/// OAuth2 as InvGate does it, through the simulator's token endpoint: tokens asked for with exactly the
/// scopes a command needs, scopes enforced, an expired token refreshed once, a refused client named.
@Suite("OAuth2 end to end: scopes through the simulator's token endpoint")
struct OAuthEndToEndTests {
    static let environment = ["INVGATE_CLIENT_ID": "deskform", "INVGATE_CLIENT_SECRET": "s3cret"]

    static func options(granted: Set<OAuthScope>? = nil) -> SimulatorOptions {
        var options = SimulatorOptions()
        options.oauthClients = [OAuthClient(id: "deskform", secret: "s3cret", granted: granted)]
        return options
    }

    static func plan(_ path: String, url: String, environment: [String: String] = environment) async throws -> (Int32, Console.Recording) {
        let target = try TargetOptions.parse(["--url", url])
        return await Console.run { console in
            await PlanCommand.plan(paths: [path], format: .text, detailedExitcode: true, target: target, environment: environment, console: console)
        }
    }

    static func apply(_ path: String, url: String, scratch: URL, environment: [String: String] = environment) async throws -> (Int32, Console.Recording) {
        let settings = ApplyCommand.Settings(paths: [path], journalDirectory: scratch.appendingPathComponent("journal").path)
        let target = try TargetOptions.parse(["--url", url])
        return await Console.run { console in
            await ApplyCommand.apply(settings, target: target, environment: environment, approval: .automatic, console: console)
        }
    }

    @Test("against the rough dialect with OAuth2: plan → apply → plan converges, export round-trips, no 428 or 403", arguments: SimulatorDialect.allCases)
    func convergesWithOAuth(dialect: SimulatorDialect) async throws {
        let scratch = try ApplyCommandTests.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let path = Golden.path("examples/acme")
        try await withLiveSimulator(options: Self.options(), dialect: dialect) { simulator in
            let (code, applied) = try await Self.apply(path, url: simulator.url, scratch: scratch)
            #expect(code == 0, "\(applied.errorOutput)")
            #expect(applied.output.hasPrefix("deskform: target \(simulator.url) (OAuth2 client credentials, token from \(simulator.url)/oauth/v2.0/access_token)\n"))
            #expect(applied.output.contains("Apply complete: "))
            let (again, planned) = try await Self.plan(path, url: simulator.url)
            #expect(again == 0, "\(planned.output)\(planned.errorOutput)")
            // A token for reading, then one with the plan's write scopes too; then plan's own.
            #expect(simulator.store.tokens.count == 3)

            let out = ExportCommandTests.scratch()
            defer { try? FileManager.default.removeItem(atPath: out) }
            let target = try TargetOptions.parse(["--url", simulator.url])
            let (exported, export) = await Console.run { console in
                await ExportCommand.export(
                    out: out, kinds: ObjectKind.allCases, split: false, force: false, target: target, environment: Self.environment,
                    now: Date(timeIntervalSince1970: 1_750_000_000), console: console)
            }
            #expect(exported == 0, "\(export.errorOutput)")
            let (roundTrip, replanned) = try await Self.plan(out, url: simulator.url)
            #expect(roundTrip == 0, "\(replanned.output)\(replanned.errorOutput)")
        }
    }

    @Test("plan asks only for read scopes, so a client granted only those plans; apply's write scopes are refused by name")
    func missingWriteScope() async throws {
        let scratch = try ApplyCommandTests.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let path = Golden.path("examples/acme")
        let read = FetchScope(manifest: ManifestLoader().load(paths: [path]).estate).readScopes
        try await withLiveSimulator(options: Self.options(granted: read)) { simulator in
            let (planned, plan) = try await Self.plan(path, url: simulator.url)
            #expect(planned == 2, "\(plan.errorOutput)")
            let (code, applied) = try await Self.apply(path, url: simulator.url, scratch: scratch)
            #expect(code == 1)
            // Told once, before the first write.
            #expect(
                applied.errorOutput.hasSuffix(
                    "deskform: error: GET sd.version: authentication failed: the token endpoint answered HTTP 400 (invalid_scope: The client was not granted api.v1.companies.groups:post, api.v1.companies.observers:post, api.v1.companies.users:post, api.v1.companies:post, api.v1.groups.observers:post, api.v1.groups.users:post, api.v1.groups:post, api.v1.helpdesks.observers:post, api.v1.kb.categories:post, api.v1.levels.observers:post, api.v1.locations.users:post, api.v1.locations:post.); nothing was changed.\n  hint: grant the OAuth client the scopes that deskform scopes --write lists, or set INVGATE_SCOPES to the scopes it has\n"
                ), "\(applied.errorOutput)")
            #expect(await simulator.store.estate.companies.values.allSatisfy { $0.name != "Acme Corp" })
        }
    }

    @Test("a token without a call's scope is a 403 that names the scope to grant")
    func forbiddenNamesScope() async throws {
        try await withLiveSimulator(options: Self.options()) { simulator in
            var environment = Self.environment
            environment["INVGATE_SCOPES"] = "api.v1.sd.version:get api.v1.users:get"
            let (code, result) = try await Self.plan(Golden.path("examples/acme"), url: simulator.url, environment: environment)
            #expect(code == 1)
            // Reads run at once: whichever is refused first is named, with the scope its own call needs.
            #expect(
                result.errorOutput.contains(
                    /accepted the OAuth2 client but its token has no scope (api\.v1\.[a-z.]+:get) for GET [a-z.]+ \(HTTP 403\); grant the OAuth client \1 in InvGate \(deskform scopes lists every scope it needs\)/
                ), "\(result.errorOutput)")
        }
    }

    @Test("a refused client is named, never its secret")
    func refusedClient() async throws {
        try await withLiveSimulator(options: Self.options()) { simulator in
            let environment = ["INVGATE_CLIENT_ID": "deskform", "INVGATE_CLIENT_SECRET": "wrong"]
            let (code, result) = try await Self.plan(Golden.path("examples/acme"), url: simulator.url, environment: environment)
            #expect(code == 1)
            #expect(
                result.errorOutput
                    == "deskform: error: \(simulator.url) gave no OAuth2 token (the token endpoint answered HTTP 401 (invalid_client: Client authentication failed.)); check INVGATE_CLIENT_ID, INVGATE_CLIENT_SECRET and INVGATE_TOKEN_URL\n")
            #expect(!result.errorOutput.contains("wrong"))
        }
    }

    @Test("a token that expires before its time is answered 401 and fetched again, once")
    func expiredTokenRefreshed() async throws {
        try await withLiveSimulator(options: Self.options()) { simulator in
            let client = InvGateClient(
                instanceURL: simulator.url,
                credentials: .oauth2(clientID: "deskform", clientSecret: "s3cret", tokenURL: simulator.url + "/oauth/v2.0/access_token"),
                transport: simulator.transport)
            client.requestScopes([OAuthScope(.version, .get), OAuthScope(.companies, .get)])
            let version = await simulator.store.estate.version
            let answered = try await client.version()
            #expect(answered == version)
            #expect(simulator.store.tokens.count == 1)
            simulator.store.tokens.expireAll()
            let companies = await simulator.store.estate.companies.count
            let read = try await client.companies()
            #expect(read.count == companies)
            #expect(simulator.store.tokens.count == 2)
        }
    }

    @Test("deskform scopes lists the read scopes of the manifests' kinds, and with --write their write scopes")
    func scopesCommand() async throws {
        let path = Golden.path("examples/acme")
        let (code, read) = await Console.run { ScopesCommand.scopes(paths: [path], write: false, console: $0) }
        #expect(code == 0)
        let lines = read.output.split(separator: "\n").map(String.init)
        #expect(lines.contains("api.v1.companies:get") && lines.contains("api.v1.sd.version:get"))
        #expect(!lines.contains { $0.hasSuffix(":post") })
        let (_, write) = await Console.run { ScopesCommand.scopes(paths: [path], write: true, console: $0) }
        let writes = write.output.split(separator: "\n").map(String.init)
        #expect(writes.contains("api.v1.companies:post") && writes.contains("api.v1.companies.users:delete"))
        #expect(Set(lines).isSubset(of: Set(writes)))
    }
}
