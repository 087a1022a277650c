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
        let seconds = Double(wait.components.seconds) + Double(wait.components.attoseconds) / 1e18
        return "\(why); retrying in \(max(1, Int(seconds.rounded()))) s, attempt \(nextAttempt) of \(maxAttempts)"
    }
}
