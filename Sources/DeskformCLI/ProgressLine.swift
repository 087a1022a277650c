import EstateModel
import Synchronization

/// One line on standard error that counts the API requests sent (`reading the instance… 120 calls`),
/// for a terminal only. The client's transport reports each request (``request()``); nothing else is
/// shown.
final class ProgressLine: Sendable {
    private let console: Console
    private let calls = Mutex((count: 0, shown: 0))
    private let started = ContinuousClock.now

    init(console: Console) {
        self.console = console
    }

    /// Counts one request.
    func request() {
        let show: Int? = calls.withLock { state in
            state.count += 1
            // Redraw at most every 10 calls, and on the first.
            guard state.count == 1 || state.count - state.shown >= 10 else { return nil }
            state.shown = state.count
            return state.count
        }
        if let show { draw("deskform: reading the instance… \(show.counted("call"))") }
    }

    /// Puts `line` (which ends in a newline) in the progress line's place.
    func replace(with line: String) {
        console.err("\r\u{1B}[K" + line)
    }

    /// Ends the progress line with the count, the time taken and `text`.
    func finish(_ text: String) {
        let count = calls.withLock { $0.count }
        let seconds = (ContinuousClock.now - started).components.seconds
        draw("deskform: read the instance in \(count.counted("call")) (\(seconds)s); \(text)")
        console.err("\n")
    }

    private func draw(_ text: String) {
        console.err("\r\u{1B}[K\(text)")
    }
}
