import InvGateAPI
import Synchronization
import Testing

@Suite("ConcurrencyLimit: additive increase, multiplicative decrease")
struct ConcurrencyLimitTests {
    /// One request through the limit, answered at once.
    static func answer(_ limit: ConcurrencyLimit, overloaded: Bool = false) async {
        let sent = await limit.acquire()
        await limit.release(sent, overloaded: overloaded)
    }

    @Test("widens by about one per window of fast answers, up to the cap; halves on a 429, once per window")
    func aimd() async {
        let limit = ConcurrencyLimit(start: 2, maximum: 4)
        #expect(await limit.current == 2)
        for _ in 0..<3 { await Self.answer(limit) }
        #expect(await limit.current == 3)
        for _ in 0..<20 { await Self.answer(limit) }
        #expect(await limit.current == 4)

        // Two requests out when the first 429 comes back: the second, sent before the cut, does not cut again.
        let first = await limit.acquire()
        let second = await limit.acquire()
        await limit.release(first, overloaded: true)
        #expect(await limit.current == 2)
        await limit.release(second, overloaded: true)
        #expect(await limit.current == 2)
        // Refused at once, before anything came back well since the cut: it says nothing of the new width.
        await Self.answer(limit, overloaded: true)
        #expect(await limit.current == 2)
        // Once an answer to a request sent after the cut came back well, a refusal halves again, never below one.
        await Self.answer(limit)
        await Self.answer(limit, overloaded: true)
        #expect(await limit.current == 1)
        await Self.answer(limit)
        await Self.answer(limit, overloaded: true)
        #expect(await limit.current == 1)
        #expect(await limit.reached == 4)
    }

    @Test("after a cut it widens only up to 95% of the width cut, for three seconds; then on")
    func holdsBelowTheCut() async {
        let limit = ConcurrencyLimit(start: 8, maximum: 8)
        let cut = ContinuousClock.now
        let sent = await limit.acquire()
        await limit.release(sent, overloaded: true, at: cut)
        #expect(await limit.current == 4)
        /// `count` requests sent and answered at once, at `instant`.
        func answers(_ count: Int, at instant: ContinuousClock.Instant) async {
            for _ in 0..<count {
                _ = await limit.acquire()
                await limit.release(instant, overloaded: false, at: instant)
            }
        }
        // Plenty of fast answers within the hold: 7.6 at most (95% of 8), so 7 in flight (8 at times).
        await answers(400, at: cut + .seconds(1))
        #expect(await limit.current == 7)
        await answers(400, at: cut + .milliseconds(2900))
        #expect(await limit.current == 7)
        // Past the hold it probes on, up to the cap.
        await answers(400, at: cut + .milliseconds(3100))
        #expect(await limit.current == 8)
    }

    @Test("a fractional width opens the place above it as often as its fraction says")
    func fractionalWidth() async throws {
        let draws = Mutex([0.9, 0.9, 0.3, 0.7])
        let limit = ConcurrencyLimit(start: 2, maximum: 4, draw: { draws.withLock { $0.isEmpty ? 0 : $0.removeFirst() } })
        await Self.answer(limit)
        // 2.5 wide: two places whatever the draw (0.9, 0.9); a third when a draw is below one half.
        let first = await limit.acquire()
        _ = await limit.acquire()
        let admitted = Admitted()
        let third = Task {
            _ = await limit.acquire()  // draws 0.3: let in at once
            await admitted.insert(3)
        }
        try await Task.sleep(for: .milliseconds(100))
        let fourth = Task {
            _ = await limit.acquire()  // draws 0.7: waits
            await admitted.insert(4)
        }
        try await Task.sleep(for: .milliseconds(100))
        #expect(await admitted.requests == [3])
        await limit.release(first, overloaded: false)  // its place goes to the fourth
        await third.value
        await fourth.value
        #expect(await admitted.requests == [3, 4])
    }

    /// The requests let in so far.
    actor Admitted {
        var requests: Set<Int> = []
        func insert(_ request: Int) { requests.insert(request) }
    }

    @Test("a request waits for a place when the limit is full, and gets the one given back")
    func waits() async throws {
        let limit = ConcurrencyLimit(start: 1, maximum: 1)
        let first = await limit.acquire()
        let admitted = Admitted()
        let waiter = Task {
            let sent = await limit.acquire()
            await admitted.insert(2)
            return sent
        }
        try await Task.sleep(for: .milliseconds(50))
        #expect(await admitted.requests.isEmpty)
        await limit.release(first, overloaded: false)
        let second = await waiter.value
        #expect(await admitted.requests == [2])
        await limit.release(second, overloaded: false)
        #expect(await limit.current == 1)
    }

    @Test("a request without an answer gives its place on, and neither widens the limit nor counts as recovered from a cut")
    func unanswered() async throws {
        let limit = ConcurrencyLimit(start: 2, maximum: 4)
        for _ in 0..<3 {
            _ = await limit.acquire()
            await limit.releaseUnanswered()
        }
        #expect(await limit.current == 2)

        // After a cut, failures say nothing: the next refusal still counts as one right after the cut.
        let wide = ConcurrencyLimit(start: 4, maximum: 4)
        await Self.answer(wide, overloaded: true)
        #expect(await wide.current == 2)
        _ = await wide.acquire()
        await wide.releaseUnanswered()
        await Self.answer(wide, overloaded: true)
        #expect(await wide.current == 2)

        // Its place goes to the next in line.
        let one = ConcurrencyLimit(start: 1, maximum: 1)
        _ = await one.acquire()
        let admitted = Admitted()
        let waiter = Task {
            _ = await one.acquire()
            await admitted.insert(1)
        }
        try await Task.sleep(for: .milliseconds(50))
        #expect(await admitted.requests.isEmpty)
        await one.releaseUnanswered()
        await waiter.value
        #expect(await admitted.requests == [1])
    }
}
