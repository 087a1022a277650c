import EstateModel
import InvGateAPI
import InvGateWire
import Logging
import Manifest
import Planner
import Reconciler
import Synchronization

/// The one way `plan`, `apply` and `export` reach an instance. `plan` and `apply` run all of it: load
/// the manifests → resolve the target and name it → read the live estate → resolve references → plan
/// (``reconcile(_:for:_:)``). `apply FILE` reads its plan file instead and checks it against the same target
/// (``savedPlan(at:_:)``); `export` only connects (``connect(_:)``). Each step throws its own failure
/// (a ``CommandFailure``, which the command's ``Console/run(renderer:_:)`` renders), so that a command
/// only says what it does with the result.
struct Pipeline: Sendable {
    /// What the command does once it has a plan: what a refusal says was not done.
    enum Purpose: String, Sendable {
        case plan = "planned"
        case apply = "applied"
    }

    /// A command's hold on the instance: the target, a client for it, the URL to show, and the logger.
    struct Connection: Sendable {
        let target: Target
        let client: InvGateClient
        let url: String
        let parallelism: Int
        let logger: Logger
        /// Every request sent so far: each attempt, the first `GET sd.version` and token requests included.
        let requests: RequestCount
        /// The process environment (`INVGATE_SCOPES`).
        let environment: [String: String]
        /// The shared limit of `--parallelism auto`.
        var concurrency: ConcurrencyLimit? { client.concurrency }

        /// `Read the instance in 41 requests (up to 8 at once, --parallelism auto, at most 32).`, or with a
        /// fixed width `… (at most 8 at once, --parallelism 8).`: what reading took so far, for standard error.
        func readReport() async -> String {
            let count = requests.count
            let width =
                if let limit = concurrency {
                    "up to \(await limit.reached) at once, --parallelism auto, at most \(limit.maximum)"
                } else {
                    "at most \(parallelism) at once, --parallelism \(parallelism)"
                }
            return "Read the instance in \(count.counted("request")) (\(width)\(rate.map { "; \($0)" } ?? "")).\n"
        }

        /// The rate the requests were paced to: `paced to 18 requests a second after 3 answers of 429 or
        /// 503` (`, from the 20 learned before` when it started from a remembered rate; `, --max-rate 20` when
        /// given), `paced to 21 requests a second, from the 20 learned before` without a refusal, or `at most 20
        /// requests a second (--max-rate 20)` before any; nil when nothing was refused, remembered or capped
        /// (the rate is still unlimited).
        var rate: String? { client.pacing.flatMap(Self.describe) }

        /// ``rate``'s words for `pacing`.
        static func describe(_ pacing: RequestPacing) -> String? {
            guard let rate = pacing.rate else { return nil }
            let maximum = pacing.maximum.map { "--max-rate \(Self.figure($0))" }
            let remembered = pacing.remembered.map { "from the \(Self.figure($0)) learned before" }
            guard pacing.refusals > 0 || remembered != nil else { return maximum.map { "at most \(Self.perSecond(rate)) (\($0))" } }
            let refusals = pacing.refusals > 0 ? " after \(pacing.refusals.counted("answer")) of 429 or 503" : ""
            return "paced to \(Self.perSecond(rate))\(refusals)" + [remembered, maximum].compactMap { $0.map { ", \($0)" } }.joined()
        }

        /// `1 request a second`, `18 requests a second`, `0.5 requests a second`.
        static func perSecond(_ rate: Double) -> String {
            let figure = figure(rate)
            return "\(figure) request\(figure == "1" ? "" : "s") a second"
        }

        /// A rate as people write it: `18`, `0.5`.
        static func figure(_ rate: Double) -> String {
            rate >= 10 || rate == rate.rounded() ? String(Int(rate.rounded())) : String(format: "%.1f", rate)
        }

        /// What a saved plan records as its target.
        var identity: String { target.identity(url: url) }

        /// Reads the live estate, `scope` of it.
        func read(_ scope: FetchScope) async throws(InvGateError) -> Estate {
            try await LiveEstateReader(client: client, parallelism: parallelism, logger: logger).read(scope)
        }

        /// Before `plan` is carried out: an OAuth2 token with the write scopes of its steps as well (unless
        /// `INVGATE_SCOPES` fixes them), fetched at once, so that a client not granted them is told once,
        /// before the first write.
        func requestWriteScopes(of plan: Plan) async throws(InvGateError) {
            guard target.credentials.isOAuth2, OAuthScopes.fixed(by: environment) == nil else { return }
            client.requestScopes(named: client.requestedScopeNames.union(OAuthScopes.writing(plan).map(\.description)))
            _ = try await client.version()
        }
    }

    let options: TargetOptions
    let environment: [String: String]
    let console: Console
    let renderer: DiagnosticRenderer
    /// Whether the line naming the target goes to standard error (standard output carries JSON or Markdown).
    var bannerOnStandardError = false
    /// Hears of every request sent to the instance (the progress line).
    var onRequest: (@Sendable (WireRequest) async -> Void)?
    /// The OAuth2 scopes the token is first asked with: the read scopes of what the command reads.
    var scopes: Set<OAuthScope> = []

    init(options: TargetOptions, environment: [String: String], console: Console, colour: Bool = false) {
        self.options = options
        self.environment = environment
        self.console = console
        self.renderer = DiagnosticRenderer(colour: colour)
    }

    /// Manifests → target → live estate → references → plan; `body` says what to do with the result.
    /// Manifest errors stop it before anything is read.
    func reconcile(
        _ paths: [String], for purpose: Purpose, targeting: Targeting = .everything,
        _ body: @Sendable (Connection, Reconciliation) async throws -> Void
    ) async throws {
        let choice = try choose()
        let manifest = try load(paths, for: purpose, in: choice)
        var pipeline = self
        pipeline.scopes = FetchScope(manifest: manifest).narrowed(to: targeting).readScopes
        try await pipeline.connect(to: choice) { connection in
            let reconciliation: Reconciliation
            do throws(ReconciliationFailure) {
                reconciliation = try await Reconciliation.prepare(
                    manifest, targeting: targeting, client: connection.client, parallelism: connection.parallelism,
                    skippingMissingUsers: choice.environment?.missingUsers == .skip, logger: connection.logger)
            } catch {
                throw failure(error, choice: choice, connection: connection)
            }
            console.err(await connection.readReport())
            try await body(connection, reconciliation)
        }
    }

    /// The plan saved at `path`, once the target is the one it was made for and nothing it read has
    /// changed; `body` says what to do with it.
    func savedPlan(at path: String, _ body: @Sendable (Connection, Plan, Estate) async throws -> Void) async throws {
        let file = try PlanFile.read(from: path)
        var pipeline = self
        pipeline.scopes = file.scope.readScopes
        try await pipeline.connect { connection in
            guard file.target == connection.identity else {
                throw PlanFileError.otherTarget(planned: file.target, current: connection.identity)
            }
            let (live, changes) = try await Reconciliation.reread(
                file, client: connection.client, parallelism: connection.parallelism, logger: connection.logger)
            guard changes.isEmpty else { throw PlanFileError.stale(changes) }
            try await body(connection, file.plan, live)
        }
    }

    /// Runs `body` against the target, after the line naming it and a first `GET sd.version`, so that
    /// a wrong URL, certificate or credential is named the same way on every run, before anything else
    /// is read. A first-contact fault that escapes `body` is worded as one (``ContactFailure``).
    func connect(_ body: @Sendable (Connection) async throws -> Void) async throws {
        try await connect(to: try choose(), body)
    }

    /// What the project file and `--env` choose, the project file's warnings printed.
    func choose() throws -> EnvironmentChoice {
        try EnvironmentChoice.choose(
            option: options.env, environment: environment, console: console, renderer: renderer, directory: options.project)
    }

    /// Runs `body` against the target `choice` names.
    func connect(to choice: EnvironmentChoice, _ body: @Sendable (Connection) async throws -> Void) async throws {
        if let warning = CommandLogger.warning(environment: environment) { console.warn(warning) }
        let urlSource = choice.urlSource(given: options.url)
        let target = try choice.target(url: options.url, process: environment)
        var instanceURL = ""
        if case .remote(let url, let credentials) = target {
            instanceURL = url
            do throws(ConnectionFault.URLProblem) {
                try InstanceURL.check(url)
            } catch {
                throw choice.contactFailure(url: url, urlSource: urlSource, credentials: credentials, reason: .url(error))
            }
        }
        let network = try NetworkSettings.fromEnvironment(environment, instanceURL: instanceURL, requestTimeout: .seconds(options.timeout))
        let named = choice.environment.map { "deskform: environment \($0.name)\n" } ?? ""
        let logger = CommandLogger.make(environment: environment, console: console)
        let (console, parallelism, bannerOnStandardError) = (console, options.width, bannerOnStandardError)
        let requests = RequestCount()
        let onRequest = self.onRequest
        let (scopes, environment) = (self.scopes, self.environment)
        // The proxy is named (never its password); the local instance is reached directly.
        let proxy = if case .remote = target, let proxy = network.proxy { ", through \(proxy)" } else { "" }
        let credentialVariables = choice.credentials(environment)
        let onRetry: @Sendable (RetryNotice) -> Void = { notice in
            if notice.wait > .seconds(2) { console.err("deskform: \(notice)\n") }
        }
        // A remote instance's rate, learned by an earlier command, is where this one starts; what it learns is kept for the next.
        let rates = RememberedRates(environment: environment)
        let pacing = options.makePacing(remembered: rates.rate(for: instanceURL))
        defer {
            if let learned = pacing.learned {
                do throws(RatesFileError) {
                    try rates.remember(learned, for: instanceURL)
                } catch {
                    console.warn("\(error)")
                }
            }
        }
        do {
            try await target.withClient(
                parallelism: parallelism, concurrency: options.makeLimit(), pacing: pacing, network: network, logger: logger,
                onRequest: { request in
                    requests.add()
                    await onRequest?(request)
                },
                onRetry: onRetry,
                onWait: { console.err($0) }
            ) { client, url in
                let banner = named + target.banner(url: url, environment: credentialVariables) + proxy + "\n"
                if bannerOnStandardError { console.err(banner) } else { console.out(banner) }
                client.requestScopes(named: OAuthScopes.fixed(by: environment) ?? Set(scopes.map(\.description)))
                let wait = AnswerWait(url: url, requestTimeout: network.requestTimeout, console: console)
                if case .failure(let error) = await wait.version(client) {
                    throw choice.contactFailure(url: url, urlSource: urlSource, credentials: target.credentials, reason: .api(error))
                }
                try await body(
                    Connection(
                        target: target, client: client, url: url, parallelism: parallelism, logger: logger, requests: requests,
                        environment: environment))
            }
        } catch let error as InvGateError where error.isFirstContactFault || error.reason == .cancelled {
            let url = if case .remote(let remote, _) = target { remote } else { target.identity(url: "") }
            throw choice.contactFailure(url: url, urlSource: urlSource, credentials: target.credentials, reason: .api(error))
        }
    }

    /// The manifests at `paths` (the environment's when none, else the current directory), their
    /// warnings printed; when there is an error, it throws them all and nothing is read.
    func load(_ paths: [String], for purpose: Purpose, in choice: EnvironmentChoice) throws(FileProblems) -> DeclaredEstate {
        let load = choice.load(paths, process: environment)
        guard load.isValid else { throw FileProblems(load.diagnostics, "nothing was read or \(purpose.rawValue)") }
        console.err(renderer.render(load.diagnostics))
        return load.estate
    }

    /// Why there is no plan, as the user reads it: at the manifests' positions where there are some; a fault of
    /// the first contact as ``ContactFailure`` words it.
    func failure(_ failure: ReconciliationFailure, choice: EnvironmentChoice, connection: Connection) -> any CommandFailure {
        switch failure {
        case .api(let error) where error.isFirstContactFault:
            choice.contactFailure(
                url: connection.url, urlSource: choice.urlSource(given: options.url), credentials: connection.target.credentials,
                reason: .api(error))
        case .api(let error) where error.reason == .cancelled:
            CommandError.interruptedReading(error)
        case .api(let error):
            error
        case .manifests(let diagnostics):
            FileProblems(diagnostics, "nothing was planned")
        case .planning(let diagnostics):
            FileProblems(diagnostics, "no plan was made")
        case .unmatchedTargets(let unmatched):
            CommandError.unmatchedTargets(unmatched, notDone: Self.unmatchedAdvice("Nothing was planned"))
        }
    }

    /// `Nothing was planned: write the address as the plan prints it …`, after targets that match nothing.
    static func unmatchedAdvice(_ notDone: String) -> String {
        "\(notDone): write the address as the plan prints it (kind[\"name\"], * and ? inside the quotes) or a kind alone."
    }
}

/// How many requests a command has sent, counted as the transport sends them.
final class RequestCount: Sendable {
    private let sent = Mutex(0)

    func add() { sent.withLock { $0 += 1 } }
    var count: Int { sent.withLock { $0 } }
}
