/// A retry the client is about to wait for: why, how long, and which attempt comes next. The CLI
/// prints the long waits; the logger hears of every one.
public struct RetryNotice: Equatable, Sendable, CustomStringConvertible {
    /// What went wrong, in plain words: "the instance answered 503", "the connection was lost".
    public var why: String
    public var wait: Duration
    /// The attempt that follows the wait (1-based), and how many there may be in all.
    public var nextAttempt: Int
    public var maxAttempts: Int

    public init(why: String, wait: Duration, nextAttempt: Int, maxAttempts: Int) {
        self.why = why
        self.wait = wait
        self.nextAttempt = nextAttempt
        self.maxAttempts = maxAttempts
    }

    /// `the instance answered 503; retrying in 4 s, attempt 3 of 10`.
    public var description: String {
        "\(why); retrying in \(max(1, Int(Self.seconds(wait).rounded()))) s, attempt \(nextAttempt) of \(maxAttempts)"
    }

    /// The wait as a log line shows it: `0.2 s`, `3.5 s`, `12 s` (tenths below 10 s, whole seconds above).
    public var roundedWait: String {
        let seconds = Self.seconds(wait)
        return seconds < 10 ? "\((seconds * 10).rounded() / 10) s" : "\(Int(seconds.rounded())) s"
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
