#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#else
import Darwin
#endif
import Synchronization

/// Standard output or standard error of the process, written with `write(2)`: a reader that went away
/// (a pager quit, `| head`, a closed descriptor) is an answer, never a crash. The process ignores SIGPIPE
/// (``ignoreBrokenPipes()``), so a write to a closed pipe fails with `EPIPE`; from then on the stream is
/// closed and what is written to it is dropped.
final class StandardStream: Sendable {
    /// What a command does once its standard output is closed.
    enum WhenClosed: Sendable {
        /// Stop at once with exit code 141 (``ExitStatus/outputClosed``), as a shell reports a command ended by SIGPIPE: a command
        /// that only reads and prints has nothing left to do once nobody reads.
        case stop
        /// Carry on as if nobody were reading: a command that writes to the instance (apply, undo) or
        /// serves it (simulator) finishes its work, and its exit code is its work's.
        case carryOn
    }

    private let descriptor: Int32
    private let whenClosed: WhenClosed
    /// Set once a write finds the stream closed; from then on, what is written is dropped.
    private let closed = Mutex(false)

    init(descriptor: Int32, whenClosed: WhenClosed) {
        self.descriptor = descriptor
        self.whenClosed = whenClosed
    }

    /// Writes all of `text`, or finds the stream closed and does what ``WhenClosed`` says.
    func write(_ text: String) {
        guard !text.isEmpty, !closed.withLock({ $0 }) else { return }
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Self.systemWrite(descriptor, $0.baseAddress, $0.count) }
            if written > 0 {
                bytes = bytes.dropFirst(written)
                continue
            }
            switch errno {
            case EINTR:
                continue
            case EAGAIN:
                // A descriptor someone made non-blocking: wait until it takes more.
                var ready = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                _ = poll(&ready, 1, -1)
            default:
                // EPIPE, EBADF, EIO, ENOSPC…: nobody will read what follows.
                closed.withLock { $0 = true }
                if whenClosed == .stop { exit(ExitStatus.outputClosed.rawValue) }
                return
            }
        }
    }

    private static func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(descriptor, buffer, count)
        #elseif canImport(Musl)
        Musl.write(descriptor, buffer, count)
        #else
        Darwin.write(descriptor, buffer, count)
        #endif
    }

    /// Makes a write to a closed pipe fail with `EPIPE` instead of ending the process, and gives standard
    /// input, output and error that were closed at start (`2>&-`) `/dev/null`, so that no file or socket the
    /// command opens takes their number and receives its output. Called once, first thing in `main`.
    static func ignoreBrokenPipes() {
        signal(SIGPIPE, SIG_IGN)
        for descriptor: Int32 in [0, 1, 2] where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
            let null = open("/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY)
            if null >= 0, null != descriptor {
                dup2(null, descriptor)
                close(null)
            }
        }
    }
}
