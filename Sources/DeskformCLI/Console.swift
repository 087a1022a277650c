import Foundation
import Synchronization

/// Where a long-running command writes as it goes: standard output and standard error, or, in
/// tests, a recording of both.
public struct Console: Sendable {
    public let out: @Sendable (String) -> Void
    public let err: @Sendable (String) -> Void
    /// Whether standard error is a terminal (then progress redraws one line).
    public let isTerminal: Bool

    public init(isTerminal: Bool = false, out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void) {
        self.out = out
        self.err = err
        self.isTerminal = isTerminal
    }

    /// The process's own streams.
    public static func standard() -> Console {
        Console(
            isTerminal: isatty(2) == 1,
            out: { FileHandle.standardOutput.write(Data($0.utf8)) },
            err: { FileHandle.standardError.write(Data($0.utf8)) })
    }

    /// A console that keeps what is written, for tests.
    public static func recording() -> (Console, Recording) {
        let recording = Recording()
        return (Console(out: { recording.append(out: $0) }, err: { recording.append(err: $0) }), recording)
    }

    public final class Recording: Sendable {
        private let text = Mutex((out: "", err: ""))
        public var output: String { text.withLock { $0.out } }
        public var errorOutput: String { text.withLock { $0.err } }
        func append(out: String) { text.withLock { $0.out += out } }
        func append(err: String) { text.withLock { $0.err += err } }
    }
}
