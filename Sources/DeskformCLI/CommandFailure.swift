import Manifest

/// How the process ends, as the README and each command's `--help` list the codes.
package enum ExitStatus: Int32, Sendable, CaseIterable {
    case success = 0
    /// An error: bad manifests, the instance unreachable, a step that failed.
    case failure = 1
    /// `plan --detailed-exitcode`: the plan has changes.
    case changesPresent = 2
    /// `apply`, `undo`: more deletions than `policy.max_deletes`; nothing was changed.
    case refusedByPolicy = 3
    /// An unknown option, options that do not go together. swift-argument-parser ends the process with it
    /// (`ValidationError`) before a command runs.
    case usage = 64
    /// Ctrl-C (128 + SIGINT).
    case interrupted = 130
    /// Standard output closed under a command that only prints (128 + SIGPIPE).
    case outputClosed = 141
}

/// An error a command ends with, as the user reads it: what happened, where and why (``diagnostics``,
/// each at its position in a file, or at `deskform` for the run as a whole, with a hint saying what to do),
/// and the exit code that follows from its kind (``status``).
///
/// Commands throw these and never print them: ``Console/run(renderer:_:)`` is the one place that renders
/// one on standard error and turns it into the exit code.
protocol CommandFailure: Error {
    /// The problems, in the order they are read.
    var diagnostics: [Diagnostic] { get }
    /// The line after the diagnostics (their count, what was not done), when they do not say it.
    var conclusion: String? { get }
    /// The exit code.
    var status: ExitStatus { get }
}

extension CommandFailure {
    var conclusion: String? { nil }
    var status: ExitStatus { .failure }

    /// The text for standard error: each diagnostic (and its hint), then the conclusion; every line ends
    /// in a newline.
    func rendered(by renderer: DiagnosticRenderer = DiagnosticRenderer()) -> String {
        diagnostics.map(renderer.render).joined() + (conclusion.map { $0 + "\n" } ?? "")
    }
}

/// An error that says what happened and what to do in one sentence of its own (`description`), as the
/// library's do (`InvGateError`, `PlanFileError`, …) and some of the CLI's (`ContactFailure`): rendered
/// `deskform: error: SENTENCE`.
protocol SentenceFailure: CommandFailure, CustomStringConvertible {}

extension SentenceFailure {
    var diagnostics: [Diagnostic] { [.error(at: .deskform, description)] }
}

/// A failure that stops a command after it said why (an apply's failed steps, a declined approval), or
/// an outcome that is not a failure but has its own exit code (a plan with changes under
/// `--detailed-exitcode`): nothing more to read, only the exit code.
struct Stop: CommandFailure {
    let status: ExitStatus
    var diagnostics: [Diagnostic] { [] }

    init(_ status: ExitStatus) {
        self.status = status
    }
}

/// Another failure, and what was therefore not done: its last message ends `; nothing was undone.`.
struct Stopped: CommandFailure {
    let cause: any CommandFailure
    /// `nothing was undone`, without a final full stop.
    let consequence: String

    init(_ cause: any CommandFailure, _ consequence: String) {
        self.cause = cause
        self.consequence = consequence
    }

    var diagnostics: [Diagnostic] {
        var diagnostics = cause.diagnostics
        if let last = diagnostics.indices.last { diagnostics[last].message += "; \(consequence)." }
        return diagnostics
    }
    var conclusion: String? { cause.conclusion }
    var status: ExitStatus { cause.status }
}

/// Problems found in files (manifests, a project file), sorted by position, and their count with what
/// was therefore not done: `2 errors, 0 warnings; nothing was read or planned.`
struct FileProblems: CommandFailure {
    let found: [Diagnostic]
    /// The one file they are all in, when the count names it (`… in deskform.yaml; …`).
    let file: String?
    /// `nothing was read or planned`, without a final full stop.
    let consequence: String

    init(_ found: [Diagnostic], in file: String? = nil, _ consequence: String) {
        self.found = found
        self.file = file
        self.consequence = consequence
    }

    var diagnostics: [Diagnostic] { found.sorted() }
    var conclusion: String? {
        "\(DiagnosticRenderer.summary(of: found))\(file.map { " in \($0)" } ?? ""); \(consequence)."
    }
}

/// An error that no command expected (none should reach here): its own words, exit 1.
struct UnexpectedFailure: SentenceFailure {
    let error: any Error
    var description: String { "\(error)" }
}

extension Console {
    /// The funnel: runs a command's work and returns its exit code. A failure it throws is rendered on
    /// standard error (``CommandFailure/rendered(by:)``) and its ``CommandFailure/status`` is the code;
    /// nothing else in a command writes an error.
    func run(renderer: DiagnosticRenderer = DiagnosticRenderer(), _ work: () async throws -> Void) async -> Int32 {
        do {
            try await work()
            return ExitStatus.success.rawValue
        } catch {
            return end(error, renderer: renderer)
        }
    }

    /// The funnel for a command that does not wait on anything (`validate`, `show`).
    func run(renderer: DiagnosticRenderer = DiagnosticRenderer(), _ work: () throws -> Void) -> Int32 {
        do {
            try work()
            return ExitStatus.success.rawValue
        } catch {
            return end(error, renderer: renderer)
        }
    }

    /// A failure that does not stop the command (a step of an apply), rendered as ``run(renderer:_:)`` would.
    func report(_ failure: any CommandFailure, renderer: DiagnosticRenderer = DiagnosticRenderer()) {
        err(failure.rendered(by: renderer))
    }

    /// `error` as the user reads it.
    static func failure(_ error: any Error) -> any CommandFailure {
        error as? any CommandFailure ?? UnexpectedFailure(error: error)
    }

    private func end(_ error: any Error, renderer: DiagnosticRenderer) -> Int32 {
        let failure = Self.failure(error)
        report(failure, renderer: renderer)
        return failure.status.rawValue
    }
}
