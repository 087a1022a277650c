/// The request rate an instance accepts, learned from its answers: unlimited until the first 429 or
/// 503 (or `maximum` when one is given, or the rate an earlier command learned), then a token bucket (the
/// generic cell rate algorithm).
///
/// What it learns from is the rate of requests the instance accepted: the accepted answers to the
/// requests sent in the ``window`` before a refusal, per second of it spent sending (not paused, not
/// before the first request), counted as they come back: an answer to a request sent before the
/// refusal that comes back after it raises the rate the refusal set. The first refusal sets the rate to
/// that measure (a request a second at least); the rate then grows fast (``search``) until the next
/// refusal, which cuts it to ``cut`` of the measure (of what the first refusal measured at least: the
/// window after a pause may be too short to measure), or of the rate when that is lower. A measure after a
/// pause counts the burst the instance's bucket gathered in it, so when both refusals had enough to go on,
/// the search ends instead at the limit of the token bucket that fits them both (``fittedLimit(refused:at:)``:
/// the same bucket emptied from full by the first burst and by the search), ``near`` of it. Later, the
/// measure counts only when the rate held requests back over ``shortest`` of the window at least: else
/// it measured the command's pace, or too little. A cut goes to ``deepest`` of the rate at most.
///
/// What a cut was made from is the ``ceiling``, where the limit most likely is. After each cut the rate
/// holds for ``hold``, then creeps up to the ceiling (``creep`` of ``probe``) and probes above it
/// (``probe`` of itself a second), so that it finds a limit that moved without bursting into it often:
/// each refusal costs every request its `Retry-After`. A refusal of a rate that grew since the last cut
/// (or of the remembered one it started from) finds the limit just below it, unless the instance
/// accepted far less: it cuts to ``near`` of the rate. A rate an earlier command learned (`remembered`)
/// is where a command starts instead of unlimited, with the rate it was learned from as its ceiling
/// (``keep``): it holds and creeps as after a cut, so that a command after the first one to an instance
/// need not be refused to find its rate (``learned`` is what a command passes on).
///
/// As with the concurrency limit, a refusal cuts again only for a request sent after an accepted answer
/// to one sent after the last cut came back: the requests already on their way when a cut is made say
/// nothing of the new rate. The rate grows only while it holds requests back: a command that sends less
/// than it allows learns nothing above it.
///
/// A `Retry-After` pauses every request, not only the refused one, until it expires.
///
/// Requests are admitted one at a time, each when it may go by the clock at that moment (``admit(at:)``):
/// nothing is reserved ahead, so requests that wake late do not go out together.
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
    /// The rate an earlier command learned, where this one started (nil: it started unlimited or at `maximum`).
    package let remembered: Double?
    /// The most requests accepted a second over ``span`` with no pause in it, by when they were sent.
    package private(set) var sustained = 0.0

    /// When the first request asked to go, and when the next is due at the rate (nil: at once).
    private var firstAsked: Instant?
    private var due: Instant?
    /// When the request at the head of the line was told to ask again, and how late the last one admitted
    /// went after that (how early the next may go, ``catchUp``): a request that asks after idle time is not late.
    private var promised: Instant?
    private var lateness: Duration = .zero
    private var lastCut: Instant?
    /// The rate before the last cut (infinity: unlimited), and what the cut kept of its basis: 1 for the
    /// first (from unlimited), ``cut`` or ``near`` after.
    private var cutFrom = Double.infinity
    private var kept = 1.0
    /// The rate the last cut set (the first one's, raised by the answers that came back after it).
    private var cutTo = 0.0
    /// Where the limit most likely is, which the rate creeps up to: what the instance accepted when it was
    /// last refused (or the rate refused), or what a remembered rate was learned from. Nil while unlimited
    /// and while searching.
    private var ceiling: Double?
    /// The share of the ceiling the rate creeps from (the plateau); below it, it probes.
    private var plateau = Self.near
    /// When the first answer to a request sent after the last cut came back accepted (nil: none yet).
    private var recoveredAt: Instant?
    /// The accepted requests sent before the first refusal (from the first request, or the ``window`` before
    /// it), answers that came back later included, and when the refused one was sent: the instance's bucket
    /// emptied by a burst from full. Nil before the first refusal, or when it came too long after the start.
    private var firstBurst: Burst?
    /// When the search began: the end of the first refusal's pause, when the bucket was full again.
    private var searchFrom: Instant?
    /// The refusal that ended the search, and whether the cut it made was fitted (``fittedLimit(refused:at:)``):
    /// answers to requests sent before it that come back later fit it again (they were in flight when it came).
    private var searchEnd: RefusedRequest?
    private var fitted = false
    /// When a request last had to wait for the rate.
    private var lastHeld: Instant?
    /// When the requests sent, answered accepted, were sent: those of the last ``window`` or two, in order.
    private var acceptedSends = SortedInstants()
    /// The pauses of the last ``window`` or two.
    private var pauses: [Range<Instant>] = []
    /// When the requests sent, answered accepted, were sent: those of the last ``span``, in order.
    private var spanSends = SortedInstants()

    /// What a cut keeps of the rate of requests accepted before it (or of the rate, when that is lower),
    /// and of the rate at least.
    package static let cut = 0.85
    package static let deepest = 0.5
    /// Growth a second while searching (before the second cut), as a share of the rate: about 4.5 times a second.
    package static let search = 1.5
    /// How long the rate holds after a cut (the second on), then grows by ``probe`` of itself a second.
    package static let hold: Duration = .seconds(3)
    package static let probe = 0.02
    /// Below the ``ceiling``, from ``near`` of it (or from where a cut or a remembered start put the rate),
    /// the probe is ``creep`` as fast: the limit is most likely just below it, and each time the rate finds
    /// it again costs every request its `Retry-After` (the plateau of CUBIC). A refusal of a rate that grew
    /// into the limit, with the measure ``close`` to the rate (or none), cuts it only to ``near`` of itself.
    package static let creep = 0.1
    package static let close = 0.9
    package static let near = 0.95
    /// How far back a cut looks at what the instance accepted, and the least unpaused time it divides by.
    package static let window: Duration = .milliseconds(500)
    package static let shortest: Duration = .milliseconds(250)
    /// How long after a cut an answer to a request sent before it may still raise the rate it set.
    package static let lateAnswers: Duration = .seconds(10)
    /// The slowest the rate goes: one request every five seconds.
    package static let minimum = 0.2
    /// The burst the bucket allows, as the seconds of requests it holds (beyond one request), and how early
    /// a request may go after one that went late, in intervals at most: as early as that one was late, so
    /// that lateness on a loaded machine does not lower the rate. After one that went on time (or after a
    /// pause), the next goes no earlier than its interval: an instance whose bucket holds one request
    /// refuses any that comes sooner.
    package static let burst = 0.05
    package static let catchUp = 0.5
    /// The fewest accepted requests, in the first burst and in the search each, that ``fittedLimit(refused:at:)`` fits.
    package static let fewestFitted = 8
    /// What ``learned`` keeps of ``sustained``, and the span that is measured over.
    package static let keep = 0.9
    package static let span: Duration = .seconds(2)

    package init(maximum: Double? = nil, remembered: Double? = nil) {
        let maximum = maximum.map { max(Self.minimum, $0) }
        self.maximum = maximum
        self.remembered = remembered.map { max(Self.minimum, $0) }.flatMap { $0 < maximum ?? .infinity ? $0 : nil }
        self.rate = self.remembered ?? maximum
        if let remembered = self.remembered { (ceiling, plateau) = (remembered / Self.keep, Self.keep) }
    }

    /// What this command learned of the instance's rate, for the next one to start from, once a refusal
    /// set the rate or when it started from a remembered one (nil while unlimited or only capped): the rate
    /// now (without a refusal, the remembered one: a rate probed upward without being refused may be above
    /// the limit all the same), or ``keep`` of the most it accepted a second over ``span`` when that is more.
    /// The rate now is often just after a cut, 85% of what was accepted; the most accepted over two seconds
    /// is the instance's limit once the rate reached it (its burst spread over two seconds adds a twentieth
    /// at most).
    package var learned: Double? {
        guard let rate, let known = cuts > 0 ? rate : remembered else { return nil }
        return bounded(max(known, sustained * Self.keep))
    }

    /// Admits a request at `now` if it may go now (nil), or says when to ask again: when the pause ends,
    /// or when its turn at the rate comes. Nothing is reserved: a request that asks late goes late.
    package mutating func admit(at now: Instant) -> Instant? {
        if firstAsked == nil { firstAsked = now }
        if let pausedUntil, now < pausedUntil { return pausedUntil }
        guard let rate else { return nil }
        let interval = Self.seconds(1 / rate)
        let tolerance = max(interval * max(0, rate * Self.burst - 1), lateness)
        let due = self.due ?? now
        guard due - tolerance <= now else {
            lastHeld = now
            promised = due - tolerance
            return due - tolerance
        }
        lateness = min(max(.zero, now - (promised ?? now)), interval * Self.catchUp)
        promised = nil
        self.due = max(due, now) + interval
        return nil
    }

    /// An accepted answer at `now` to a request sent at `sent`.
    package mutating func accept(sent: Instant, at now: Instant) {
        acceptedSends.insert(sent)
        measureSustained(sent: sent)
        // The sends before a recent cut are kept for the answers to them still to come.
        let recentCut = lastCut.flatMap { now - $0 < Self.lateAnswers ? $0 : nil }
        forget(before: min(now, recentCut ?? now) - Self.window)
        guard let rate else { return }
        if let lastCut, sent <= lastCut {
            if searching, let burst = firstBurst, sent >= burst.from, sent < burst.refused { firstBurst?.sends.insert(sent) }
            if let searchEnd, cuts == 2, let limit = fittedLimit(refused: searchEnd.sent, at: searchEnd.rate) {
                // A fit replaces a cut made without one, and grows with the answers it was missing.
                if !fitted || limit > ceiling ?? 0 { cut(searchEnd.rate, from: limit, keeping: Self.near, creeping: true) }
                fitted = true
                return
            }
            if fitted { return }
            // Sent before the cut: it belongs to the measure the cut was made from.
            let basis = min(cutFrom, measure(until: lastCut, at: cutFrom))
            if basis * kept > rate {
                self.rate = bounded(basis * kept)
                // Late answers raise the first refusal's guess, which the cut after the search keeps at least;
                // after a later cut, its ceiling (a rate they raised counts as grown since the cut).
                if cutFrom.isInfinite { cutTo = bounded(basis * kept) } else { ceiling = max(ceiling ?? 0, basis) }
            }
            return
        }
        if lastCut != nil, recoveredAt == nil { recoveredAt = now }
        // The rate grows from the last cut, or from the first request when it started from a remembered one.
        guard let settled = lastCut ?? (remembered != nil ? firstAsked : nil), let lastHeld, now - lastHeld < .seconds(1) else { return }
        // Per answer, so that a second of answers at `rate` grows it by `search` or `probe` of itself: the
        // search only after the first cut from unlimited, which guessed.
        let growth =
            if searching {
                Self.search
            } else if now - settled < Self.hold {
                0.0
            } else if let ceiling, rate >= ceiling * plateau, rate < ceiling {
                Self.probe * Self.creep
            } else {
                Self.probe
            }
        self.rate = bounded(rate + growth)
    }

    /// A refusal (429 or 503) at `now` of a request sent at `sent`, with the `Retry-After` it gave.
    package mutating func refuse(sent: Instant, at now: Instant, retryAfter: Duration?) {
        refusals += 1
        if lastCut == nil || recoveredAt.map({ sent > $0 }) == true {
            let measure = measure(until: now, at: rate ?? .infinity)
            if let rate {
                let unpaused = stretch(until: now).unpaused
                // The measure is of the instance only when the rate held requests back, over ``shortest`` at
                // least (or two requests' time at the rate, which it divides by at least): else it measured the
                // command's pace, or too little.
                let held = lastHeld.map { now - $0 < Self.window } == true
                let measured = held && max(Self.seconds(unpaused), 2 / rate) >= Self.seconds(Self.shortest)
                // A window that began at a pause's end (or the start) counts the burst the instance's bucket
                // gathered before it: what a cut keeps of it may still be above the limit, so the rate creeps.
                let refilled = unpaused < Self.window
                if searching {
                    searchEnd = RefusedRequest(sent: sent, rate: rate)
                    if let limit = fittedLimit(refused: sent, at: rate) {
                        cut(rate, from: limit, keeping: Self.near, creeping: true)
                        fitted = true
                    } else {
                        // Unless measured, what the first refusal measured stands: a window cut short by its pause
                        // measures too little.
                        cut(rate, from: min(rate, measured ? measure : max(measure, cutTo)), keeping: Self.cut, creeping: refilled)
                    }
                } else if lastCut == nil || rate > cutTo, !measured || measure >= rate * Self.close {
                    // Refused at a rate learned before, or grown into since the last cut, with the instance
                    // accepting about as much: the limit is just below the rate.
                    cut(rate, from: rate, keeping: Self.near, creeping: true)
                } else {
                    cut(rate, from: measured ? min(rate, measure) : rate, keeping: Self.cut, creeping: refilled)
                }
            } else {
                (cutFrom, kept) = (.infinity, 1)
                rate = bounded(max(1, measure))
                let from = stretch(until: sent).start
                if let firstAsked, firstAsked >= from {
                    firstBurst = Burst(from: from, refused: sent, sends: acceptedSends.within(from, before: sent))
                }
            }
            lastCut = now
            cutTo = self.rate ?? 0
            recoveredAt = nil
            cuts += 1
            (due, promised, lateness) = (nil, nil, .zero)
        }
        if let retryAfter, retryAfter > .zero {
            let end = max(pausedUntil ?? now, now + retryAfter)
            if let last = pauses.last, last.upperBound >= now {
                pauses[pauses.count - 1] = last.lowerBound..<end
            } else {
                pauses.append(now..<end)
            }
            pausedUntil = end
            (due, promised, lateness) = (nil, nil, .zero)
        }
        if searching { searchFrom = max(pausedUntil ?? now, now) }
    }

    /// Cuts `rate` to `kept` of `basis`, half of it at most, and makes `basis` the ceiling, which the rate
    /// creeps up to from the cut (`creeping`) or from ``near`` of it.
    private mutating func cut(_ rate: Double, from basis: Double, keeping kept: Double, creeping: Bool) {
        (cutFrom, self.kept, fitted) = (rate, kept, false)
        self.rate = bounded(max(rate * Self.deepest, basis * kept))
        ceiling = basis
        plateau = creeping ? kept : Self.near
    }

    /// The limit of the token bucket that both refusals of the search found empty, by what was sent before
    /// each from when it was last full (the first request, and the search's start after the pause): the
    /// rate at which the requests beyond its refill since the worst moment are as many before the second
    /// refusal as before the first, for that is the bucket's size. Nil when the search has too little to fit
    /// (or no first burst), or when no rate below the one refused fits: the instance is not such a bucket.
    private func fittedLimit(refused sent: Instant, at refusedRate: Double) -> Double? {
        guard let burst = firstBurst, let searchFrom, searchFrom < sent else { return nil }
        let search = acceptedSends.within(searchFrom, before: sent)
        // A bucket of a few requests is a count too small to fit: one request more or less moves it by half.
        guard burst.sends.count >= Self.fewestFitted, search.count >= Self.fewestFitted else { return nil }
        func gap(_ limit: Double) -> Double {
            search.beyond(limit, from: searchFrom, until: sent) - burst.sends.beyond(limit, from: burst.from, until: burst.refused)
        }
        // The highest rate that fits, below the one refused: from it down by 2% steps to a bracket, then halving it.
        guard gap(refusedRate) < 0 else { return nil }
        var high = refusedRate
        var low = high * 0.98
        while gap(low) < 0 {
            guard low > Self.minimum else { return nil }
            (high, low) = (low, low * 0.98)
        }
        for _ in 0..<24 {
            let middle = (low + high) / 2
            if gap(middle) > 0 { low = middle } else { high = middle }
        }
        return bounded(low)
    }

    /// Between the first cut from unlimited and the next: the rate the first one set was a guess.
    private var searching: Bool { lastCut != nil && cutFrom.isInfinite }

    /// What a measure until `end` covers: the ``window`` before it, from the first request on, and how much
    /// of that was not paused.
    private func stretch(until end: Instant) -> (start: Instant, unpaused: Duration) {
        let start = max(end - Self.window, min(firstAsked ?? end - Self.window, end))
        let paused = pauses.reduce(Duration.zero) { total, pause in
            let overlap = min(pause.upperBound, end) - max(pause.lowerBound, start)
            return total + max(.zero, overlap)
        }
        return (start, end - start - paused)
    }

    /// Requests accepted a second in the ``window`` before `end`, by when they were sent, per second of it
    /// since the first request, not paused: ``shortest`` at least, and two requests' time at `rate` (so
    /// that one request more or less in a short stretch at a low rate does not double the measure).
    private func measure(until end: Instant, at rate: Double) -> Double {
        let (start, unpaused) = stretch(until: end)
        let count = acceptedSends.count(from: start, through: end)
        let shortest = max(Self.seconds(Self.shortest), 2 / rate)
        return Double(count) / max(shortest, Self.seconds(unpaused))
    }

    /// Raises ``sustained`` by the accepted requests sent in the ``span`` before `sent`, when the span is
    /// after the first request and no pause ends in it. Only while paced: unlimited, nothing is learned yet.
    private mutating func measureSustained(sent: Instant) {
        guard rate != nil else { return }
        let start = sent - Self.span
        let position = spanSends.insert(sent)
        let old = spanSends.removeAll(before: start)
        guard let firstAsked, firstAsked <= start, (pausedUntil ?? start) <= start else { return }
        // In order: those sent up to `sent` are the ones before it and itself.
        sustained = max(sustained, Double(position + 1 - old) / Self.seconds(Self.span))
    }

    private func bounded(_ rate: Double) -> Double {
        min(maximum ?? .infinity, max(Self.minimum, rate))
    }

    /// Forgets the sends before `start` (in batches, so that it costs little per answer) and the pauses that ended before it.
    private mutating func forget(before start: Instant) {
        if acceptedSends.count > 512, acceptedSends.instants[256] < start { acceptedSends.removeAll(before: start) }
        pauses.removeAll { $0.upperBound < start }
    }

    static func seconds(_ value: Double) -> Duration { .nanoseconds(Int64((value * 1e9).rounded())) }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

/// A refused request: when it was sent, at what rate.
struct RefusedRequest: Equatable, Sendable {
    var sent: ContinuousClock.Instant
    var rate: Double
}

/// The requests a burst sent from a full bucket until one was refused.
struct Burst: Equatable, Sendable {
    var from: ContinuousClock.Instant
    var refused: ContinuousClock.Instant
    var sends: SortedInstants
}

/// When requests were sent, in order.
struct SortedInstants: Equatable, Sendable {
    private(set) var instants: [ContinuousClock.Instant]

    init(_ instants: [ContinuousClock.Instant] = []) { self.instants = instants.sorted() }

    var count: Int { instants.count }

    /// Inserts `instant` after those at or before it (answers come back nearly in order: the search is from
    /// the end), and returns where.
    @discardableResult
    mutating func insert(_ instant: ContinuousClock.Instant) -> Int {
        let position = instants.lastIndex { $0 <= instant }.map { $0 + 1 } ?? 0
        instants.insert(instant, at: position)
        return position
    }

    /// Removes those before `start`, and returns how many.
    @discardableResult
    mutating func removeAll(before start: ContinuousClock.Instant) -> Int {
        var (low, high) = (0, instants.count)
        while low < high {
            let middle = (low + high) / 2
            if instants[middle] < start { low = middle + 1 } else { high = middle }
        }
        instants.removeFirst(low)
        return low
    }

    /// Those from `start` up to (not including) `end`.
    func within(_ start: ContinuousClock.Instant, before end: ContinuousClock.Instant) -> SortedInstants {
        SortedInstants(instants.filter { $0 >= start && $0 < end })
    }

    /// How many from `start` through `end`: counted from the end, where the recent ones are.
    func count(from start: ContinuousClock.Instant, through end: ContinuousClock.Instant) -> Int {
        instants.reversed().prefix { $0 >= start }.count { $0 <= end }
    }

    /// How many more were sent than a bucket refilling at `limit` a second gives back, since the moment
    /// (`start`, or a send) that most exceeds it, until `end`: what a bucket full at `start` held at least.
    func beyond(_ limit: Double, from start: ContinuousClock.Instant, until end: ContinuousClock.Instant) -> Double {
        var worst = Double(instants.count) - limit * LearnedRate.seconds(end - start)
        for (index, instant) in instants.enumerated() {
            worst = max(worst, Double(instants.count - index - 1) - limit * LearnedRate.seconds(end - instant))
        }
        return worst
    }
}
