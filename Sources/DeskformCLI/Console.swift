import Foundation
import Manifest
import Synchronization

/// Where every command writes, as it goes: standard output and standard error, or, in tests, a
/// recording of both. A command writes its output here and throws its failures, which ``run(renderer:_:)``
/// renders here and turns into the exit code.
package struct Console: Sendable {
    /// Standard output: the target line, plans, reports, summaries.
    package let out: @Sendable (String) -> Void
    /// Standard error: diagnostics, progress, and the target line of machine-readable formats.
    package let err: @Sendable (String) -> Void
    /// Whether standard error is a terminal (then progress redraws one line).
    package let isTerminal: Bool

    package init(isTerminal: Bool = false, out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void) {
        self.out = out
        self.err = err
        self.isTerminal = isTerminal
    }

    /// `deskform: warning: …` on standard error: something the user should know that does not stop the
    /// command, rendered as its errors are.
    func warn(_ message: String, details: [String] = [], renderer: DiagnosticRenderer = DiagnosticRenderer()) {
        err(renderer.render(.warning(at: .deskform, message, details: details)))
    }

    /// The process's own streams. A closed standard error is never a reason to stop (diagnostics are
    /// dropped, the exit code still says how it went); a closed standard output stops the command with
    /// exit 141 unless it is one that must finish its work (`whenOutputCloses: .carryOn`).
    static func standard(whenOutputCloses: StandardStream.WhenClosed = .stop) -> Console {
        let out = StandardStream(descriptor: 1, whenClosed: whenOutputCloses)
        let err = StandardStream(descriptor: 2, whenClosed: .carryOn)
        return Console(isTerminal: isatty(2) == 1, out: { out.write($0) }, err: { err.write($0) })
    }

    /// Prepares the process's streams for ``standard(whenOutputCloses:)``: a closed pipe is an error to
    /// answer, not a signal that ends the process. Called once, first thing in `main`.
    package static func prepareStandardStreams() {
        StandardStream.ignoreBrokenPipes()
    }

    /// A console that keeps what is written, for tests; `isTerminal` as if standard error were one.
    package static func recording(isTerminal: Bool = false) -> (Console, Recording) {
        let recording = Recording()
        return (Console(isTerminal: isTerminal, out: { recording.append(out: $0) }, err: { recording.append(err: $0) }), recording)
    }

    /// What was written to a recording console, stream by stream.
    package final class Recording: Sendable {
        private let text = Mutex((out: "", err: ""))
        /// Everything written to standard output.
        package var output: String { text.withLock { $0.out } }
        /// Everything written to standard error.
        package var errorOutput: String { text.withLock { $0.err } }
        func append(out: String) { text.withLock { $0.out += out } }
        func append(err: String) { text.withLock { $0.err += err } }
    }
}
