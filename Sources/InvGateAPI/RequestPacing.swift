import Synchronization

/// The rate every request of a client keeps to (``LearnedRate``), shared by reads and writes alike, next
/// to the concurrency limit: that one guards the instance's capacity (how many requests it works on at
/// once), this one its rate limit (how many it accepts a second), which no width can keep to when
/// answers come fast. Requests wait here in line, first come first served: the one at the head sleeps
/// until the rate (or a `Retry-After` an earlier answer gave) lets it go, the others until it has gone.
package final class RequestPacing: Sendable {
    private struct State {
        var rate: LearnedRate
        /// Whether a request is at the head of the line (sleeping until it may go, or going).
        var headTaken = false
        /// The requests behind it, in the order they came.
        var line: [CheckedContinuation<Void, Never>] = []

        /// Takes the head of the line when nobody is there.
        mutating func takeHead() -> Bool {
            if headTaken { return false }
            headTaken = true
            return true
        }
    }

    private let state: Mutex<State>

    /// `maximum`: the most requests a second (`--max-rate`); `remembered`: the rate an earlier command
    /// learned, to start from. Without either the rate is unlimited until a refusal.
    package init(maximum: Double? = nil, remembered: Double? = nil) {
        state = Mutex(State(rate: LearnedRate(maximum: maximum, remembered: remembered)))
    }

    /// The rate now, requests a second; nil while unlimited.
    package var rate: Double? { state.withLock { $0.rate.rate } }
    /// The most requests a second, when given.
    package var maximum: Double? { state.withLock { $0.rate.maximum } }
    /// Answers of 429 or 503 so far.
    package var refusals: Int { state.withLock { $0.rate.refusals } }
    /// The remembered rate it started from, if any.
    package var remembered: Double? { state.withLock { $0.rate.remembered } }
    /// What it learned of the instance's rate, for the next command (``LearnedRate/learned``).
    package var learned: Double? { state.withLock { $0.rate.learned } }

    /// Waits until a request may go: its turn in line, then its time at the rate, after any pause.
    /// Throws when cancelled (a request cancelled while in line throws when its turn comes, at once).
    func admit() async throws(CancellationError) {
        await takeTurn()
        defer { handOn() }
        while true {
            if Task.isCancelled { throw CancellationError() }
            let now = ContinuousClock.now
            guard let wake = state.withLock({ $0.rate.admit(at: now) }) else { return }
            do {
                try await Task.sleep(until: wake, clock: .continuous)
            } catch {
                throw CancellationError()
            }
        }
    }

    /// What the answer to a request sent at `sent` said: a refusal (429 or 503, with its `Retry-After`) or not.
    func answered(sent: ContinuousClock.Instant, refused: Bool, retryAfter: Duration?) {
        let now = ContinuousClock.now
        state.withLock {
            if refused {
                $0.rate.refuse(sent: sent, at: now, retryAfter: retryAfter)
            } else {
                $0.rate.accept(sent: sent, at: now)
            }
        }
    }

    /// Returns at the head of the line: at once when nobody is there, else when the one before has gone.
    private func takeTurn() async {
        if state.withLock({ $0.takeHead() }) { return }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let first = state.withLock { state in
                if state.takeHead() { return true }
                state.line.append(continuation)
                return false
            }
            if first { continuation.resume() }
        }
    }

    /// The head has gone (or given up): the next in line takes its place.
    private func handOn() {
        let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard !state.line.isEmpty else {
                state.headTaken = false
                return nil
            }
            return state.line.removeFirst()
        }
        next?.resume()
    }
}
