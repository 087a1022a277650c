import Foundation
import Logging
import Synchronization

/// One line on standard error that counts the API calls made (`reading the instance… 120 calls`), for
/// a terminal only. It counts the client's `request` debug messages; nothing else is shown.
final class ProgressLine: Sendable {
    private let calls = Mutex((count: 0, shown: 0))
    private let started = ContinuousClock.now

    /// A logger whose messages feed this line.
    var logger: Logger {
        var logger = Logger(label: "deskform.progress", factory: { _ in Handler(line: self) })
        logger.logLevel = .debug
        return logger
    }

    func request() {
        let show: Int? = calls.withLock { state in
            state.count += 1
            // Redraw at most every 10 calls, and on the first.
            guard state.count == 1 || state.count - state.shown >= 10 else { return nil }
            state.shown = state.count
            return state.count
        }
        if let show { draw("deskform: reading the instance… \(show) call\(show == 1 ? "" : "s")") }
    }

    func finish(_ text: String) {
        let count = calls.withLock { $0.count }
        let seconds = (ContinuousClock.now - started).components.seconds
        draw("deskform: read the instance in \(count) calls (\(seconds)s); \(text)")
        FileHandle.standardError.write(Data("\n".utf8))
    }

    private func draw(_ text: String) {
        FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
    }

    struct Handler: LogHandler {
        let line: ProgressLine
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .debug

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            if event.message.description == "request" { line.request() }
        }
    }
}
