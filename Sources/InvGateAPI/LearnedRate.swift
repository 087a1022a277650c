/// The request rate an instance accepts, learned from its answers: unlimited until the first 429 or
/// 503 (or `maximum` when one is given), then a token bucket. The first refusal sets the rate to the
/// answers accepted in the second before it (a request a second at least: a burst is refused before
/// the limit shows, so this errs low), and the rate then grows fast (``search``) until the next
/// refusal. From then on a refusal cuts the rate to what the instance accepted in the half second
/// before it (paused time left out), to ``cut`` of the rate at most and ``deepest`` at least; after a cut the rate holds
/// for ``hold``, then grows by ``probe`` a second, so that it finds the limit again without bursting
/// into it often: each refusal costs every request its `Retry-After`. As with the concurrency limit,
/// a refusal cuts again only for a request sent after an accepted answer to one sent after the last
/// cut came back: the requests already on their way when a cut is made say nothing of the new rate.
///
/// A `Retry-After` pauses every request, not only the refused one, until it expires. The rate grows
/// only while it holds requests back: a command that sends less than it allows learns nothing above it.
///
/// A value with no clock of its own: every method takes `now`, so that tests run it on a virtual clock.
package struct LearnedRate: Equatable, Sendable {
    package typealias Instant = ContinuousClock.Instant

    /// Requests a second; nil while unlimited.
    package private(set) var rate: Double?
    /// The most requests a second, when the instance's limit is known (`--max-rate`).
    package let maximum: Double?
    /// When every request may go again (a `Retry-After`); nil when there was none.
    package private(set) var pausedUntil: Instant?
    /// Answers of 429 or 503 so far, and how many of them cut the rate.
    package private(set) var refusals = 0
    package private(set) var cuts = 0
    /// Changes whenever a cut or a pause makes earlier reservations void.
    package private(set) var epoch = 0

    /// The slot of the last request let go (nil: none since the last cut): the next is due a
    /// `1 / rate` later, at the rate as it is then.
    private var lastSlot: Instant?
    private var lastCut: Instant?
    /// When the first answer to a request sent after the last cut came back accepted (nil: none yet).
    private var recoveredAt: Instant?
    /// When a reservation last had to wait for the rate.
    private var lastHeld: Instant?
    /// When the last pause ends (or ended).
    private var resumes: Instant?
    /// Accepted answers in the last ``window``, oldest first, from `acceptedStart` on.
    private var accepted: [Instant] = []
    private var acceptedStart = 0

    /// What a cut keeps of the rate, at most and at least.
    package static let cut = 0.9
    package static let deepest = 0.7
    /// How long the rate holds after a cut.
    package static let hold: Duration = .seconds(10)
    /// Growth a second after the hold, as a share of the rate.
    package static let probe = 0.02
    /// Growth a second before the second refusal, as a share of the rate (doubling about every 0.3 s).
    package static let search = 2.3
    /// How far back a cut looks at what the instance accepted.
    package static let recent: Duration = .milliseconds(500)
    /// The slowest the rate goes: one request every five seconds.
    package static let minimum = 0.2
    /// The burst the bucket allows, as the seconds of requests it holds (at least one request).
    package static let burst = 0.05
    /// How far back the accepted answers are counted.
    package static let window: Duration = .seconds(1)

    package init(maximum: Double? = nil) {
        self.maximum = maximum.map { max(Self.minimum, $0) }
        self.rate = self.maximum
    }

    /// Reserves the next slot for a request that would go at `now`: when it may go (`now` or later)
    /// and the epoch to confirm it against (``isCurrent(_:)``) once that time has come.
    package mutating func reserve(at now: Instant) -> (at: Instant, epoch: Int) {
        let earliest = max(now, pausedUntil ?? now)
        guard let rate else { return (earliest, epoch) }
        let interval = Self.seconds(1 / rate)
        let tolerance = interval * max(0, rate * Self.burst - 1)
        let due = lastSlot.map { $0 + interval } ?? earliest
        let slot = max(earliest, due - tolerance)
        if slot > earliest { lastHeld = now }
        lastSlot = max(due, slot)
        return (slot, epoch)
    }

    /// Whether a reservation made in `epoch` still stands.
    package func isCurrent(_ epoch: Int) -> Bool { epoch == self.epoch }

    /// An accepted answer at `now` to a request sent at `sent`.
    package mutating func accept(sent: Instant, at now: Instant) {
        if recoveredAt == nil, let lastCut, sent > lastCut { recoveredAt = now }
        accepted.append(now)
        forget(before: now - Self.window)
        guard let rate, let lastHeld, now - lastHeld < Self.window else { return }
        // Per answer, so that a second of answers at `rate` grows it by `search` or `probe` of itself.
        let growth = cuts <= 1 ? Self.search : lastCut.map { now - $0 >= Self.hold } == true ? Self.probe : 0
        self.rate = min(maximum ?? .infinity, rate + growth)
    }

    /// A refusal (429 or 503) at `now` of a request sent at `sent`, with the `Retry-After` it gave.
    package mutating func refuse(sent: Instant, at now: Instant, retryAfter: Duration?) {
        refusals += 1
        if lastCut == nil || recoveredAt.map({ sent > $0 }) == true {
            forget(before: now - Self.window)
            let cutTo: Double
            if let rate {
                // What was accepted lately, paused time left out; too short a stretch says nothing.
                let since = max(now - Self.recent, resumes.map { min($0, now) } ?? now - Self.recent)
                let seconds = Self.seconds(now - since)
                let lately = seconds < Self.seconds(Self.recent) / 2 ? rate : Double(accepted(since: since)) / seconds
                cutTo = min(rate * Self.cut, max(rate * Self.deepest, lately))
            } else {
                cutTo = max(1, Double(accepted(since: now - Self.window)) / Self.seconds(Self.window))
            }
            rate = min(maximum ?? .infinity, max(Self.minimum, cutTo))
            lastCut = now
            recoveredAt = nil
            cuts += 1
            lastSlot = nil
            epoch += 1
        }
        if let retryAfter, retryAfter > .zero {
            pausedUntil = max(pausedUntil ?? now, now + retryAfter)
            resumes = pausedUntil
            lastSlot = nil
            epoch += 1
        }
    }

    /// Accepted answers from `start` on (within the last ``window``).
    private func accepted(since start: Instant) -> Int {
        accepted[acceptedStart...].reduce(0) { $0 + ($1 >= start ? 1 : 0) }
    }

    private mutating func forget(before start: Instant) {
        while acceptedStart < accepted.count, accepted[acceptedStart] < start { acceptedStart += 1 }
        if acceptedStart > 256, acceptedStart * 2 > accepted.count {
            accepted.removeFirst(acceptedStart)
            acceptedStart = 0
        }
    }

    static func seconds(_ value: Double) -> Duration { .nanoseconds(Int64((value * 1e9).rounded())) }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
