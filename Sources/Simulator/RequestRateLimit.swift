import Foundation
import Synchronization

/// At most `perSecond` requests a second, as a token bucket holding a tenth of a second's worth (at
/// least one): a request that finds it empty is refused with 429 and the seconds to wait (`Retry-After`).
package final class RequestRateLimit: Sendable {
    private let perSecond: Double
    private let capacity: Double
    private let bucket: Mutex<(tokens: Double, refilled: ContinuousClock.Instant)>

    /// A full bucket at `start`.
    package init(perSecond: Int, at start: ContinuousClock.Instant = .now) {
        self.perSecond = Double(max(1, perSecond))
        self.capacity = max(1, Double(perSecond) / 10)
        self.bucket = Mutex((capacity, start))
    }

    /// Takes a token at `now`; nil when one was free, else the whole seconds until one will be (at least 1).
    package func take(at now: ContinuousClock.Instant = .now) -> Int? {
        let perSecond = self.perSecond
        let capacity = self.capacity
        return bucket.withLock { state in
            let elapsed = max(.zero, now - state.refilled)
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            state.tokens = min(capacity, state.tokens + seconds * perSecond)
            state.refilled = max(state.refilled, now)
            if state.tokens >= 1 {
                state.tokens -= 1
                return nil
            }
            return max(1, Int(((1 - state.tokens) / perSecond).rounded(.up)))
        }
    }
}
