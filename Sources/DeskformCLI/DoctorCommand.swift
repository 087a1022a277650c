import ArgumentParser
import EstateModel
import Foundation
import InvGateAPI
import InvGateWire
import Manifest
import Reconciler

/// `deskform doctor [PATHS…]`: a read-only checklist of an instance, each line ok, warning or failed
/// with its reason. Never writes. Exit 0 when nothing failed, 1 otherwise.
package struct DoctorCommand: AsyncParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check, without writing anything, that deskform can work with an instance.",
        discussion: """
            Checks the URL, that the instance answers (and how fast), TLS, that the credentials are accepted, \
            the API version, read access to every endpoint the manifests' kinds need (every kind without PATHS), \
            and counts users, companies, groups and locations. Suggests a --parallelism. Exit 0 when nothing failed.
            """
    )

    package enum Format: String, ExpressibleByArgument, CaseIterable, Sendable {
        case text, json
    }

    @Argument(help: "Manifest files or directories: only the endpoints their kinds need are checked (default: every kind).")
    package var paths: [String] = []

    @Option(help: "Output format: text or json.")
    package var format: Format = .text

    @OptionGroup package var target: TargetOptions

    package init() {}

    package func run() async throws {
        let code = await Self.doctor(
            paths: paths, format: format, target: target, environment: ProcessInfo.processInfo.environment, console: .standard())
        if code != 0 { throw ExitCode(code) }
    }

    /// How many times `sd.version` is asked, for the median latency.
    static let latencySamples = 5

    /// Runs the checklist and prints it on `console`; returns the exit code.
    package static func doctor(
        paths: [String], format: Format, target options: TargetOptions, environment: [String: String], console: Console
    ) async -> Int32 {
        let renderer = DiagnosticRenderer(colour: false)
        return await console.run(renderer: renderer) {
            let choice = try EnvironmentChoice.choose(
                option: options.env, environment: environment, console: console, renderer: renderer, directory: options.project)
            var scope = FetchScope.everything
            if !paths.isEmpty || choice.environment != nil {
                let load = choice.load(paths, process: environment)
                guard load.isValid else { throw FileProblems(load.diagnostics, "nothing was checked") }
                console.err(renderer.render(load.diagnostics))
                scope = FetchScope(manifest: load.estate).withSideEffects
            }
            if let warning = CommandLogger.warning(environment: environment) { console.warn(warning) }
            let (identity, checks) = await Self.checks(
                scope: scope, choice: choice, options: options, environment: environment, console: console)
            let failed = checks.filter { $0.status == .failed }.count
            let warnings = checks.filter { $0.status == .warning }.count
            let summary = "Doctor: \(checks.count - failed - warnings) ok, \(warnings) warning\(warnings == 1 ? "" : "s"), \(failed) failed."
            switch format {
            case .text:
                console.out("deskform doctor: \(identity)\n" + checks.map { $0.line + "\n" }.joined() + summary + "\n")
            case .json:
                let json = JSONValue.object([
                    ("format_version", .number(1)), ("target", .string(identity)), ("checks", .array(checks.map(\.json))),
                    ("ok", .bool(failed == 0)),
                ])
                console.out(json.prettyPrinted() + "\n")
            }
            // The failed checks say why, each on its line: only the exit code is left to give.
            if failed > 0 { throw Stop(.failure) }
        }
    }

    /// The checklist, in order; it stops at the first check that makes the rest meaningless.
    static func checks(
        scope: FetchScope, choice: EnvironmentChoice, options: TargetOptions, environment: [String: String], console: Console
    ) async -> (identity: String, [DoctorCheck]) {
        var checks: [DoctorCheck] = []
        let urlSource = choice.urlSource(given: options.url)
        let target: Target
        do {
            target = try choice.target(url: options.url, process: environment)
        } catch {
            return (options.url ?? choice.environment?.url ?? environment["INVGATE_URL"] ?? "", [.failed("credentials", "\(error)")])
        }
        let credentials: Credentials
        switch target {
        case .remote(let url, let given):
            credentials = given
            do throws(ConnectionFault.URLProblem) {
                try InstanceURL.check(url)
            } catch {
                return (
                    url,
                    [
                        .failed(
                            "url",
                            choice.contactFailure(url: url, urlSource: urlSource, credentials: given, reason: .url(error)).description)
                    ]
                )
            }
            checks.append(.ok("url", "\(url) (from \(urlSource))"))
        case .local(let statePath):
            credentials = .none
            let why = choice.environment.map { "environment \($0.name) has no url" } ?? "no INVGATE_URL set"
            checks.append(.ok("url", "\(why): the embedded local instance (state in \(statePath))"))
        }
        let instanceURL = if case .remote(let url, _) = target { url } else { "" }
        let network: NetworkSettings
        do {
            network = try NetworkSettings.fromEnvironment(
                environment, instanceURL: instanceURL, requestTimeout: .seconds(options.timeout))
        } catch {
            return (target.identity(url: ""), checks + [.failed("network", "\(error)")])
        }
        if case .remote = target {
            let proxy = network.proxy.map { "through \($0)" } ?? "direct, no proxy"
            let roots =
                environment["INVGATE_CA_FILE"].map {
                    "; INVGATE_CA_FILE adds \(network.additionalTrustRoots.count.counted("trusted certificate")) from \($0)"
                } ?? ""
            checks.append(.ok("network", proxy + roots))
        }
        let found = checks
        do {
            let logger = CommandLogger.make(environment: environment, console: console)
            return try await target.withClient(
                parallelism: 1, network: network, logger: logger, onWait: { console.err($0) }
            ) { client, url in
                client.requestScopes(named: OAuthScopes.fixed(by: environment) ?? Set(scope.readScopes.map(\.description)))
                return (
                    target.identity(url: url),
                    found
                        + (await Self.instanceChecks(
                            client, url: url, target: target, credentials: credentials, scope: scope, urlSource: urlSource,
                            variables: choice.credentialVariableNames,
                            wait: AnswerWait(url: url, requestTimeout: network.requestTimeout, console: console)))
                )
            }
        } catch {
            return (target.identity(url: ""), checks + [.failed("instance", "\(error)")])
        }
    }

    /// Reachability, TLS, credentials, version, read access, counts, write access, parallelism.
    static func instanceChecks(
        _ client: InvGateClient, url: String, target: Target, credentials: Credentials, scope: FetchScope, urlSource: String,
        variables: [String: String] = [:], wait: AnswerWait
    ) async -> [DoctorCheck] {
        var checks: [DoctorCheck] = []
        let isHTTPS = url.lowercased().hasPrefix("https://")
        let tlsOK: DoctorCheck =
            if case .local = target { .ok("tls", "not needed: the embedded local instance is on this machine") } else if isHTTPS {
                .ok("tls", "the certificate is trusted and names the host")
            } else {
                .warning("tls", "plain http: credentials and data travel unencrypted; use https:// in \(urlSource) if the instance has it")
            }
        var latencies: [Duration] = []
        var version = ""
        for _ in 0..<latencySamples {
            let start = ContinuousClock.now
            switch await wait.version(client) {
            case .success(let answer):
                version = answer
            case .failure(let error):
                let sentence = ContactFailure(
                    url: url, urlSource: urlSource, credentials: credentials, reason: .api(error), variables: variables
                ).description
                switch error.reason {
                case .cannotConnect(.tls):
                    return checks + [.ok("reachable", "\(url) accepts connections"), .failed("tls", sentence)]
                case .cannotConnect, .unreachable, .cancelled:
                    return checks + [.failed("reachable", sentence)]
                case .status(401, _, _), .authentication:
                    return checks + [.ok("reachable", "\(url) answers"), tlsOK, .failed("credentials", sentence)]
                case .status(404, _, _):
                    // Not an InvGate instance: whatever answered has not checked the credentials.
                    return checks + [.ok("reachable", "\(url) answers"), tlsOK, .failed("api version", sentence)]
                default:
                    return checks + [
                        .ok("reachable", "\(url) answers"), tlsOK, .ok("credentials", "accepted (\(credentials))"),
                        .failed("api version", sentence),
                    ]
                }
            }
            latencies.append(ContinuousClock.now - start)
        }
        let median = latencies.sorted()[latencies.count / 2]
        let milliseconds = Int(median.components.seconds * 1000 + median.components.attoseconds / 1_000_000_000_000_000)
        checks.append(.ok("reachable", "\(url) answers; median latency \(milliseconds) ms over \(latencySamples) requests"))
        checks.append(tlsOK)
        if case .local = target {
            checks.append(.ok("credentials", "accepted (the embedded local instance's own)"))
        } else {
            checks.append(.ok("credentials", "accepted (\(credentials))"))
        }
        checks.append(.ok("api version", version.isEmpty ? "sd.version answered" : version))

        var readable = Set<Endpoint>()
        // Every endpoint the reader uses for the scope; those that need an object are asked about id 0 (a
        // custom field's options, uid 0), so that only the permission is tested.
        for endpoint in scope.endpoints {
            do throws(InvGateError) {
                _ = try await client.get(endpoint, endpoint.probeParameters)
                readable.insert(endpoint)
                checks.append(.ok("read \(endpoint.rawValue)", "allowed"))
            } catch {
                switch error.reason {
                case .status(403, _, _), .status(401, _, _):
                    checks.append(
                        .failed(
                            "read \(endpoint.rawValue)",
                            "forbidden (HTTP \(error.httpStatus ?? 403)); give the API user read access to \(endpoint.rawValue) in InvGate")
                    )
                case .status, .refused:
                    // Asked about no object in particular: any refusal but 401/403 means the endpoint may be read.
                    readable.insert(endpoint)
                    checks.append(.ok("read \(endpoint.rawValue)", "allowed"))
                default:
                    checks.append(.failed("read \(endpoint.rawValue)", "\(error)"))
                }
            }
        }
        checks.append(await counts(client, readable: readable))
        checks.append(await dialect(client, readable: readable))
        if scope.reads(.users), let check = await userWriteScopes(client, credentials: credentials, scope: scope) { checks.append(check) }
        checks.append(
            .warning(
                "write access", "not checked: it cannot be checked without writing, and doctor never writes; the first apply will show it"))
        let suggestion = milliseconds < 20 ? 8 : milliseconds < 100 ? 16 : 32
        checks.append(.ok("parallelism", "suggested --parallelism \(suggestion) for a median latency of \(milliseconds) ms"))
        return checks
    }

    /// How many users, companies, groups and locations there are, of those that may be read.
    static func counts(_ client: InvGateClient, readable: Set<Endpoint>) async -> DoctorCheck {
        var parts: [String] = []
        do throws(InvGateError) {
            if readable.contains(.users) { parts.append(try await client.users(includeDisabled: true).count.counted("user")) }
            if readable.contains(.companies) { parts.append(try await client.companies().count.counted("company", plural: "companies")) }
            if readable.contains(.groups) { parts.append(try await client.groups().count.counted("group")) }
            if readable.contains(.locations) { parts.append(try await client.locations().count.counted("location")) }
        } catch {
            return .failed("estate", "\(error)")
        }
        return .ok("estate", parts.isEmpty ? "nothing could be counted" : parts.joined(separator: ", "))
    }
}
