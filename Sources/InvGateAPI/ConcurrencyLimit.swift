/// How many requests may be in flight at once, found as it goes: it starts low, widens while answers
/// stay fast and no 429 or 503 arrives (additive increase: one more per window of answers), and halves
/// on one (multiplicative decrease, once per window: a refusal cuts again only for a request sent after
/// an answer to one sent after the last cut came back well, since a refusal comes back at once and the
/// ones right after a cut say nothing of the new width); never above `maximum`. After a cut it widens
/// again only up to 95% of the width that was cut, for ``hold``: a rate limit stays where it is, and
/// probing straight back into it costs each refused request a `Retry-After` (a second at least). One
/// limit is shared by everything a client sends, reads and writes alike.
package actor ConcurrencyLimit {
    package nonisolated let start: Int
    package nonisolated let maximum: Int
    private var width: Double
    private var inFlight = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []
    /// The fastest answer seen: an answer much slower than it does not widen the limit.
    private var fastest: Duration?
    private var lastCut: ContinuousClock.Instant?
    /// When the first good answer to a request sent after the last cut came back (nil: none yet).
    private var recoveredAt: ContinuousClock.Instant?
    private var cuts = 0
    /// The width last cut, and until when the limit stays below it.
    private var ceiling: (width: Double, until: ContinuousClock.Instant)?
    /// How long after a cut the limit stays below the width that was cut.
    package static let hold: Duration = .seconds(3)
    /// The widest the limit has been.
    package private(set) var reached: Int

    /// Uniform in 0..<1: which of the two widths around a fractional one opens.
    private let draw: @Sendable () -> Double

    package init(start: Int = 4, maximum: Int = 32, draw: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }) {
        self.draw = draw
        self.maximum = max(1, maximum)
        self.start = min(max(1, start), self.maximum)
        self.width = Double(self.start)
        self.reached = self.start
    }

    /// The current width.
    package var current: Int { Int(width) }

    /// The places open now: a width of 2.6 opens three places six times in ten, two otherwise, so a
    /// rate that lies between two widths is kept on average.
    private var places: Int {
        let fraction = width - width.rounded(.down)
        return Int(width) + (fraction > 0 && draw() < fraction ? 1 : 0)
    }

    /// Waits for a free place; returns when the request was let go, to hand back to ``release(_:overloaded:)``.
    package func acquire() async -> ContinuousClock.Instant {
        if inFlight < places {
            inFlight += 1
        } else {
            // The place is counted by `release` when it hands it over.
            await withCheckedContinuation { waiting.append($0) }
        }
        return .now
    }

    /// Gives the place back with what the answer said (`overloaded` for a 429 or 503), at `now`.
    package func release(_ sent: ContinuousClock.Instant, overloaded: Bool, at now: ContinuousClock.Instant = .now) {
        inFlight -= 1
        let latency = now - sent
        if overloaded {
            if recoveredAt.map({ sent > $0 }) ?? (lastCut == nil) {
                recoveredAt = nil
                ceiling = (width, now + Self.hold)
                width = max(1, width / 2)
                lastCut = now
                cuts += 1
            }
        } else {
            if recoveredAt == nil, lastCut.map({ sent > $0 }) ?? true { recoveredAt = now }
            let fastest = min(self.fastest ?? latency, latency)
            self.fastest = fastest
            if latency <= fastest * 2 + .milliseconds(20) {
                let top = ceiling.flatMap { now < $0.until ? max(1, $0.width * 0.95) : nil } ?? Double(maximum)
                // Once the limit was found, probe above it more gently.
                width = max(width, min(top, width + 1 / (width * (cuts == 0 ? 1 : 4))))
            }
        }
        reached = max(reached, Int(width))
        handOn()
    }

    /// Gives the place back for a request that got no answer (the connection failed): it says nothing
    /// of the width, so the limit stays as it is and the place only goes to the next in line.
    package func releaseUnanswered() {
        inFlight -= 1
        handOn()
    }

    /// Lets waiting requests go while places are open.
    private func handOn() {
        while !waiting.isEmpty, inFlight < places {
            inFlight += 1
            waiting.removeFirst().resume()
        }
    }
}
