/// A retry the client is about to wait for: why, how long, and which attempt comes next. The CLI
/// prints the long waits; the logger hears of every one.
package struct RetryNotice: Equatable, Sendable, CustomStringConvertible {
    /// What went wrong, in plain words: "the instance answered 503", "the connection was lost".
    package var why: String
    package var wait: Duration
    /// The attempt that follows the wait (1-based), and how many there may be in all.
    package var nextAttempt: Int
    package var maxAttempts: Int

    package init(why: String, wait: Duration, nextAttempt: Int, maxAttempts: Int) {
        self.why = why
        self.wait = wait
        self.nextAttempt = nextAttempt
        self.maxAttempts = maxAttempts
    }

    /// `the instance answered 503; retrying in 4 s, attempt 3 of 10`.
    package var description: String {
        "\(why); retrying in \(max(1, Int(Self.seconds(wait).rounded()))) s, attempt \(nextAttempt) of \(maxAttempts)"
    }

    /// The wait as a log line shows it: `0.2 s`, `3.5 s`, `12 s` (tenths below 10 s, whole seconds above).
    package var roundedWait: String {
        let seconds = Self.seconds(wait)
        return seconds < 10 ? "\((seconds * 10).rounded() / 10) s" : "\(Int(seconds.rounded())) s"
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
