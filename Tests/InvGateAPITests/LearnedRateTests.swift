@testable import InvGateAPI
import Testing

/// The learned rate on a virtual clock: every instant is `start` plus an offset, nothing sleeps.
@Suite("LearnedRate: unlimited until refused, then a token bucket that probes and cuts")
struct LearnedRateTests {
    let start = ContinuousClock.now

    func at(_ seconds: Double) -> ContinuousClock.Instant { start + LearnedRate.seconds(seconds) }

    /// Reserves `count` slots for requests that would all go at `seconds`; their offsets from `start`, in ms.
    func slots(_ pace: inout LearnedRate, _ count: Int, at seconds: Double) -> [Double] {
        (0..<count).map { _ in (LearnedRate.seconds(pace.reserve(at: at(seconds)).at - start) * 1000).rounded() }
    }

    /// Accepted answers at `perSecond`, from `from` until before `until`, each sent as it was answered.
    func answers(_ pace: inout LearnedRate, perSecond: Double, from: Double, until: Double) {
        var time = from
        while time < until - 1e-9 {
            pace.accept(sent: at(time), at: at(time))
            time += 1 / perSecond
        }
    }

    @Test("unlimited until the first refusal; then the rate of the answers accepted in the second before it")
    func learnsFromTheFirstRefusal() {
        var pace = LearnedRate()
        #expect(slots(&pace, 50, at: 0) == Array(repeating: 0, count: 50))
        #expect(pace.rate == nil)
        for index in 0..<12 { pace.accept(sent: at(0), at: at(0.05 + Double(index) * 0.01)) }
        // Only answers of the last second count: two of these are older than that at 1.07 s.
        pace.refuse(sent: at(0), at: at(1.07), retryAfter: nil)
        #expect(pace.rate == 10)
        #expect(pace.refusals == 1 && pace.cuts == 1)
        // A tenth of a second apart from then on.
        #expect(slots(&pace, 3, at: 1.07) == [1070, 1170, 1270])

        // Refused before anything was accepted: a request a second.
        var early = LearnedRate()
        early.refuse(sent: at(0), at: at(0.001), retryAfter: nil)
        #expect(early.rate == 1)
    }

    @Test("a Retry-After pauses every request until it expires, and voids the slots already reserved")
    func retryAfterPausesEveryone() {
        var pace = LearnedRate(maximum: 100)
        let reserved = pace.reserve(at: at(0))
        #expect(pace.isCurrent(reserved.epoch))
        pace.refuse(sent: at(0), at: at(0.01), retryAfter: .seconds(2))
        #expect(!pace.isCurrent(reserved.epoch))
        #expect(pace.pausedUntil == at(2.01))
        let next = pace.reserve(at: at(0.5))
        #expect(next.at == at(2.01))
        #expect(pace.isCurrent(next.epoch))
        // A later refusal with a shorter wait does not shorten the pause.
        pace.refuse(sent: at(0), at: at(0.6), retryAfter: .seconds(1))
        #expect(pace.pausedUntil == at(2.01))
        // Once it expires, requests go at the rate again.
        #expect(pace.reserve(at: at(3)).at == at(3))
    }

    @Test("a refusal cuts to what was accepted in the last half second, between seven and nine tenths of the rate, once per window")
    func cutsOncePerWindow() {
        var pace = LearnedRate(maximum: 50)
        answers(&pace, perSecond: 40, from: 0.0125, until: 1)
        pace.refuse(sent: at(0.99), at: at(1), retryAfter: nil)
        #expect(pace.rate == 40)
        // Sent before the cut.
        pace.refuse(sent: at(0.995), at: at(1.01), retryAfter: nil)
        #expect(pace.rate == 40)
        // Sent after it, but nothing sent after it has been accepted yet.
        pace.refuse(sent: at(1.02), at: at(1.03), retryAfter: nil)
        #expect(pace.rate == 40)
        // An answer to a request sent after the cut came back well, and 39 a second were accepted lately: nine tenths.
        answers(&pace, perSecond: 39, from: 1.04, until: 1.6)
        pace.refuse(sent: at(1.6), at: at(1.6), retryAfter: nil)
        #expect(pace.rate == 36)
        // Sent after the cut but before an answer came back well since: no cut.
        pace.accept(sent: at(1.7), at: at(1.8))
        pace.refuse(sent: at(1.75), at: at(1.85), retryAfter: nil)
        #expect(pace.rate == 36)
        // Little accepted lately: seven tenths, no less.
        pace.refuse(sent: at(2.5), at: at(2.5), retryAfter: nil)
        #expect(abs(pace.rate! - 25.2) < 1e-9)
        #expect(pace.refusals == 6 && pace.cuts == 3)
    }

    @Test("searches fast until the second refusal, then holds for ten seconds and probes slowly, only while the rate holds requests back")
    func probesUpward() {
        var pace = LearnedRate()
        for index in 0..<4 { pace.accept(sent: at(0), at: at(0.1 + Double(index) * 0.1)) }
        pace.refuse(sent: at(0), at: at(0.5), retryAfter: nil)
        #expect(pace.rate == 4)
        // Answers while no request waits for the rate say nothing of a higher one.
        pace.accept(sent: at(0.5), at: at(0.6))
        #expect(pace.rate == 4)
        // Held back: each accepted answer grows the rate by 2.3 (a second of answers about ten times it).
        _ = slots(&pace, 3, at: 0.7)
        for index in 0..<4 { pace.accept(sent: at(0.7), at: at(0.8 + Double(index) * 0.01)) }
        #expect(abs(pace.rate! - 13.2) < 1e-9)
        // The second refusal: five answers in the last half second, 10 a second.
        pace.refuse(sent: at(0.9), at: at(0.95), retryAfter: nil)
        #expect(pace.rate == 10)
        // It holds for ten seconds, held back or not,
        _ = slots(&pace, 3, at: 1)
        for index in 0..<10 { pace.accept(sent: at(1), at: at(1.1 + Double(index) * 0.01)) }
        #expect(pace.rate == 10)
        // then grows by a fiftieth of itself a second: 0.02 an answer.
        _ = slots(&pace, 3, at: 11)
        for index in 0..<10 { pace.accept(sent: at(11), at: at(11.1 + Double(index) * 0.01)) }
        #expect(abs(pace.rate! - 10.2) < 1e-9)
    }

    @Test("recovers after a pause: slots resume at the rate from where the pause ends, with no burst to catch up")
    func recoversAfterAPause() {
        var pace = LearnedRate(maximum: 10)
        pace.refuse(sent: at(0), at: at(0), retryAfter: .seconds(1))
        #expect(pace.rate == 7)
        #expect(slots(&pace, 3, at: 0.2) == [1000, 1143, 1286])
        // Long idle later: the next request goes at once, the one after it a slot later.
        #expect(slots(&pace, 2, at: 10) == [10000, 10143])
    }

    @Test("--max-rate: paced from the first request, never above it, never below one request every five seconds")
    func maximum() {
        var pace = LearnedRate(maximum: 2)
        #expect(slots(&pace, 3, at: 0) == [0, 500, 1000])
        _ = slots(&pace, 3, at: 1)
        for _ in 0..<20 { pace.accept(sent: at(1), at: at(1.1)) }
        #expect(pace.rate == 2)
        // Each refusal comes with nothing accepted in the half second before it: cut deepest each time, down to the least.
        for second in 2..<22 {
            pace.accept(sent: at(Double(second)), at: at(Double(second) + 0.1))
            pace.refuse(sent: at(Double(second) + 0.2), at: at(Double(second) + 0.8), retryAfter: nil)
        }
        #expect(pace.rate == LearnedRate.minimum)
    }
}
