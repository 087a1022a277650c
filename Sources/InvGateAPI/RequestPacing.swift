import Synchronization

/// The rate every request of a client keeps to (``LearnedRate``), shared by reads and writes alike, next
/// to the concurrency limit: that one guards the instance's capacity (how many requests it works on at
/// once), this one its rate limit (how many it accepts a second), which no width can keep to when
/// answers come fast. A request waits here for its slot, and for any `Retry-After` an earlier
/// answer gave, before it is sent.
package final class RequestPacing: Sendable {
    private let state: Mutex<LearnedRate>

    /// `maximum`: the most requests a second (`--max-rate`); without it the rate is unlimited until a refusal.
    package init(maximum: Double? = nil) {
        state = Mutex(LearnedRate(maximum: maximum))
    }

    /// The rate now, requests a second; nil while unlimited.
    package var rate: Double? { state.withLock { $0.rate } }
    /// The most requests a second, when given.
    package var maximum: Double? { state.withLock { $0.maximum } }
    /// Answers of 429 or 503 so far.
    package var refusals: Int { state.withLock { $0.refusals } }

    /// Waits until a request may go: its slot at the rate, after any pause. A cut or a pause while it
    /// waits voids the slot and it takes a new one. Throws when cancelled.
    func admit() async throws(CancellationError) {
        while true {
            let now = ContinuousClock.now
            let (slot, epoch) = state.withLock { $0.reserve(at: now) }
            if slot > now {
                do {
                    try await Task.sleep(until: slot, clock: .continuous)
                } catch {
                    throw CancellationError()
                }
            }
            if state.withLock({ $0.isCurrent(epoch) }) { return }
        }
    }

    /// What the answer to a request sent at `sent` said: a refusal (429 or 503, with its `Retry-After`) or not.
    func answered(sent: ContinuousClock.Instant, refused: Bool, retryAfter: Duration?) {
        let now = ContinuousClock.now
        state.withLock {
            if refused { $0.refuse(sent: sent, at: now, retryAfter: retryAfter) } else { $0.accept(sent: sent, at: now) }
        }
    }
}
