import Foundation

/// When and how long to wait before repeating a request: exponential backoff with jitter and a cap,
/// and at least what the `Retry-After` of a 429 or 5xx answer asks for.
package struct RetryPolicy: Equatable, Sendable {
    /// Tries in all, the first included.
    package var maxAttempts: Int
    package var baseDelay: Duration
    package var maxDelay: Duration
    /// The longest `Retry-After` honoured; a server asking for more gets this much.
    package var maxRetryAfter: Duration
    /// The most one call may take, its tries and the waits between them together: a retry whose wait
    /// would end past it is not made.
    package var maxTotalTime: Duration

    package init(
        maxAttempts: Int = 10, baseDelay: Duration = .milliseconds(200), maxDelay: Duration = .seconds(10),
        maxRetryAfter: Duration = .seconds(60), maxTotalTime: Duration = .seconds(120)
    ) {
        self.maxAttempts = maxAttempts
        self.maxTotalTime = maxTotalTime
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxRetryAfter = maxRetryAfter
    }

    package static let standard = RetryPolicy()
    package static let never = RetryPolicy(maxAttempts: 1)

    /// The wait before try `attempt + 1`, after `attempt` failed (1-based): half of
    /// `base · 2^(attempt-1)` (capped) plus a random part of the other half.
    package func delay(after attempt: Int, retryAfter: Duration? = nil) -> Duration {
        let exponent = min(attempt - 1, 30)
        let ceiling = min(baseDelay * (1 << exponent), maxDelay)
        let jittered = ceiling / 2 + ceiling / 2 * Double.random(in: 0...1)
        guard let retryAfter else { return jittered }
        return max(jittered, min(retryAfter, maxRetryAfter))
    }

    /// Reads a `Retry-After` header given in seconds.
    package static func retryAfter(_ header: String?) -> Duration? {
        guard let header, let seconds = Double(header.trimmingCharacters(in: .whitespaces)), seconds >= 0 else {
            return nil
        }
        return .milliseconds(Int64(seconds * 1000))
    }
}
