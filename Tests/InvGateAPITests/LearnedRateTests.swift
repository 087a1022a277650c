@testable import InvGateAPI
import Simulator
import Testing

/// The learned rate on a virtual clock: every instant is `start` plus an offset, nothing sleeps.
@Suite("LearnedRate: unlimited until refused, then a token bucket that learns, probes and cuts")
struct LearnedRateTests {
    let start = ContinuousClock.now

    func at(_ seconds: Double) -> ContinuousClock.Instant { start + LearnedRate.seconds(seconds) }

    /// When requests asking at each of `times` may go, in ms from `start`: "now" for those admitted,
    /// else the instant to ask again.
    func asks(_ pace: inout LearnedRate, at times: [Double]) -> [Double] {
        times.map { time in
            let wake = pace.admit(at: at(time)) ?? at(time)
            return (LearnedRate.seconds(wake - start) * 1000).rounded()
        }
    }

    /// Accepted answers to requests sent at `perSecond` from `from` until before `until`, each answered as it was sent.
    func answers(_ pace: inout LearnedRate, perSecond: Double, from: Double, until: Double) {
        var time = from
        while time < until - 1e-9 {
            pace.accept(sent: at(time), at: at(time))
            time += 1 / perSecond
        }
    }

    /// Ten requests asking at once at `time`: the rate holds some of them back.
    func crowd(_ pace: inout LearnedRate, at time: Double) {
        _ = asks(&pace, at: Array(repeating: time, count: 10))
    }

    /// Two requests asking at `time` (the second held back by the rate), then `answers` accepted answers to
    /// requests sent then, coming back a hundredth of a second apart from a tenth of a second later.
    func heldBack(_ pace: inout LearnedRate, at time: Double, answers: Int = 10) {
        _ = asks(&pace, at: [time, time])
        for index in 0..<answers { pace.accept(sent: at(time), at: at(time + 0.1 + Double(index) * 0.01)) }
    }

    @Test("unlimited until the first refusal; then the accepted requests sent in the half second before it, answers that come back later included")
    func learnsFromTheFirstRefusal() {
        var pace = LearnedRate()
        #expect(asks(&pace, at: Array(repeating: 0, count: 50)) == Array(repeating: 0, count: 50))
        #expect(pace.rate == nil)
        // Twelve requests sent between 0.5 and 0.61 s, accepted; one sent at 0.1 s is older than the half second.
        pace.accept(sent: at(0.1), at: at(0.105))
        for index in 0..<12 { pace.accept(sent: at(0.5 + Double(index) * 0.01), at: at(0.505 + Double(index) * 0.01)) }
        pace.refuse(sent: at(0.62), at: at(0.62), retryAfter: nil)
        #expect(pace.rate == 24)
        #expect(pace.refusals == 1 && pace.cuts == 1)
        // An answer to a request sent before the refusal comes back after it: the measure grows, and the rate with it.
        pace.accept(sent: at(0.615), at: at(0.625))
        #expect(pace.rate == 26)
        // A request sent after it says nothing of the measure.
        pace.accept(sent: at(0.63), at: at(0.635))
        #expect(pace.rate == 26)

        // Refused before anything was accepted: a request a second.
        var early = LearnedRate()
        early.refuse(sent: at(0), at: at(0.001), retryAfter: nil)
        #expect(early.rate == 1)
    }

    @Test("refused soon after the first request: the accepted rate per second since it, a quarter of a second at least")
    func learnsSoonAfterTheStart() {
        var pace = LearnedRate()
        #expect(asks(&pace, at: [0.2]) == [200])
        answers(&pace, perSecond: 100, from: 0.2, until: 0.5)
        pace.refuse(sent: at(0.5), at: at(0.5), retryAfter: nil)
        #expect(pace.rate == 100)

        var sooner = LearnedRate()
        #expect(asks(&sooner, at: [0]) == [0])
        answers(&sooner, perSecond: 100, from: 0, until: 0.1)
        sooner.refuse(sent: at(0.1), at: at(0.1), retryAfter: nil)
        #expect(sooner.rate == 40)
    }

    @Test("admits one request an interval by the clock when it asks; after one that went late, the next as much earlier, half an interval at most; idle time gives no credit")
    func admitsByTheClock() {
        var pace = LearnedRate(maximum: 10)
        #expect(asks(&pace, at: [0, 0.01, 0.1]) == [0, 100, 100])
        // Told at 0.15 s to ask again at 0.2 s, it asks at 0.23 s (it woke late): the next, due at 0.33 s, may go
        // at 0.3 s, keeping the schedule.
        #expect(asks(&pace, at: [0.15, 0.23, 0.25, 0.3]) == [200, 230, 300, 300])
        // Told to ask again at 0.43 s, it asks at 0.5 s, more than half an interval late: the next catches up half an interval.
        #expect(asks(&pace, at: [0.35, 0.5, 0.5, 0.55]) == [430, 500, 550, 550])
        // After a second without a request, one goes at once and the next a whole interval later.
        #expect(asks(&pace, at: [1.5, 1.5]) == [1500, 1600])

        // A bucket of a twentieth of a second's requests: at 100 a second, five at once, then one every 10 ms.
        var fast = LearnedRate(maximum: 100)
        #expect(asks(&fast, at: Array(repeating: 0, count: 6)) == [0, 0, 0, 0, 0, 10])
    }

    @Test("a Retry-After pauses every request until it expires; a later, shorter one does not shorten it")
    func retryAfterPausesEveryone() {
        var pace = LearnedRate(maximum: 100)
        pace.refuse(sent: at(0), at: at(0.01), retryAfter: .seconds(2))
        #expect(pace.pausedUntil == at(2.01))
        #expect(asks(&pace, at: [0.5, 1.5]) == [2010, 2010])
        pace.refuse(sent: at(0), at: at(0.6), retryAfter: .seconds(1))
        #expect(pace.pausedUntil == at(2.01))
        // Once it expires, requests go at the rate: 95 a second (the first refusal, with nothing held back to
        // measure, finds the limit just below the rate), four at once, the next when the bucket allows.
        #expect(pace.rate == 95)
        #expect(asks(&pace, at: [2.01, 2.01, 2.01, 2.01, 2.01]) == [2010, 2010, 2010, 2010, 2013])
    }

    @Test("a refusal while requests wait cuts to 85% of the accepted rate (or of the rate), to half the rate at most, once per window")
    func cutsOncePerWindow() {
        var pace = LearnedRate(maximum: 50)
        crowd(&pace, at: 0)
        answers(&pace, perSecond: 40, from: 0.0125, until: 1)
        crowd(&pace, at: 0.99)
        pace.refuse(sent: at(0.99), at: at(1), retryAfter: nil)
        #expect(pace.rate == 34)
        // Sent before the cut.
        pace.refuse(sent: at(0.995), at: at(1.01), retryAfter: nil)
        // Sent after it, but nothing sent after it has been accepted yet.
        pace.refuse(sent: at(1.02), at: at(1.03), retryAfter: nil)
        #expect(pace.rate == 34)
        // Accepted since at 39 a second, more than the rate, which has not grown since the cut: 85% of the rate.
        answers(&pace, perSecond: 39, from: 1.04, until: 1.6)
        crowd(&pace, at: 1.6)
        pace.refuse(sent: at(1.6), at: at(1.6), retryAfter: nil)
        #expect(abs(pace.rate! - 28.9) < 1e-9)
        // Sent after the cut but before an answer came back well since: no cut.
        pace.accept(sent: at(1.7), at: at(1.8))
        pace.refuse(sent: at(1.75), at: at(1.85), retryAfter: nil)
        #expect(abs(pace.rate! - 28.9) < 1e-9)
        // Nothing accepted in the half second before, while requests waited: half the rate, no less.
        crowd(&pace, at: 2.5)
        pace.refuse(sent: at(2.5), at: at(2.5), retryAfter: nil)
        #expect(abs(pace.rate! - 14.45) < 1e-9)
        #expect(pace.refusals == 6 && pace.cuts == 3)
        // Nothing held back: what was accepted measures the command's pace, not the instance's. The first
        // refusal finds the limit just below the rate, 95% of it; the next, the rate not grown since, 85%.
        var idle = LearnedRate(maximum: 50)
        crowd(&idle, at: 0)
        answers(&idle, perSecond: 10, from: 0.1, until: 1)
        idle.refuse(sent: at(1), at: at(1), retryAfter: nil)
        #expect(idle.rate == 47.5)
        answers(&idle, perSecond: 10, from: 1.1, until: 2)
        idle.refuse(sent: at(2), at: at(2), retryAfter: nil)
        #expect(abs(idle.rate! - 47.5 * 0.85) < 1e-9)
    }

    @Test("the measure leaves out the time paused by a Retry-After")
    func measureLeavesOutPauses() {
        var pace = LearnedRate(maximum: 100)
        crowd(&pace, at: 0)
        answers(&pace, perSecond: 80, from: 0, until: 0.3)
        crowd(&pace, at: 0.3)
        pace.refuse(sent: at(0.3), at: at(0.3), retryAfter: .seconds(1))
        #expect(pace.rate == 68)
        // After the pause, 50 a second for 0.3 s: the half second before the next refusal was paused for 0.2 s of it.
        answers(&pace, perSecond: 50, from: 1.3, until: 1.6)
        crowd(&pace, at: 1.6)
        pace.refuse(sent: at(1.6), at: at(1.6), retryAfter: nil)
        #expect(abs(pace.rate! - 42.5) < 1e-9)
    }

    @Test("searches fast until the second refusal, then holds for three seconds and probes slowly, only while the rate holds requests back")
    func probesUpward() {
        var pace = LearnedRate()
        #expect(asks(&pace, at: [0]) == [0])
        for index in 1...4 { pace.accept(sent: at(Double(index) * 0.1), at: at(Double(index) * 0.1 + 0.01)) }
        pace.refuse(sent: at(0.45), at: at(0.5), retryAfter: nil)
        #expect(pace.rate == 8)
        // Answers while no request waits for the rate say nothing of a higher one.
        pace.accept(sent: at(0.55), at: at(0.6))
        #expect(pace.rate == 8)
        // Held back: each accepted answer grows the rate by 1.5 (a second of answers about 4.5 times it).
        #expect(asks(&pace, at: [0.7, 0.7]) == [700, 825])
        for index in 0..<4 { pace.accept(sent: at(0.7), at: at(0.8 + Double(index) * 0.01)) }
        #expect(pace.rate == 14)
        // The second refusal: five requests accepted in the half second before it, 10 a second; 85% of that.
        pace.refuse(sent: at(0.9), at: at(0.95), retryAfter: nil)
        #expect(pace.rate == 8.5)
        // It holds for three seconds, held back or not,
        heldBack(&pace, at: 1)
        #expect(pace.rate == 8.5)
        // then grows by a fiftieth of itself a second, 0.02 an answer (up to 95% of the ten a second accepted
        // when refused; a tenth as fast from there),
        heldBack(&pace, at: 4)
        #expect(abs(pace.rate! - 8.7) < 1e-9)
        // and not once nothing has waited for a second.
        pace.accept(sent: at(5.5), at: at(5.5))
        #expect(abs(pace.rate! - 8.7) < 1e-9)
    }

    @Test("the cut that ends the search keeps 85% of what the first refusal measured at least, and creeps from there after a pause")
    func searchCutKeepsTheFirstMeasure() {
        var pace = LearnedRate()
        _ = asks(&pace, at: [0])
        answers(&pace, perSecond: 100, from: 0, until: 0.5)
        pace.refuse(sent: at(0.5), at: at(0.5), retryAfter: .seconds(1))
        #expect(pace.rate == 100)
        // After the pause, ten accepted in a twentieth of a second while requests wait (the search grows the rate
        // to 115), then a refusal: over a quarter of a second at least, they measure 40 a second.
        crowd(&pace, at: 1.5)
        answers(&pace, perSecond: 200, from: 1.5, until: 1.55)
        pace.refuse(sent: at(1.55), at: at(1.55), retryAfter: .seconds(1))
        #expect(pace.rate == 85)
        // That measure began at the pause's end, so it counts the burst the instance gathered in the pause: after
        // the hold the rate creeps from the cut, 0.002 an answer.
        crowd(&pace, at: 5)
        for index in 0..<10 { pace.accept(sent: at(5), at: at(5.1 + Double(index) * 0.01)) }
        #expect(abs(pace.rate! - 85.02) < 1e-9)
    }

    @Test("below the ceiling the rate creeps, a tenth as fast as above it; refused while creeping, it is cut to 95% once")
    func plateau() {
        var pace = LearnedRate(remembered: 10)
        _ = asks(&pace, at: [0])
        // Refused at the remembered 10 a second, nothing held back: the limit is just below, 95% of it.
        pace.refuse(sent: at(0.1), at: at(0.2), retryAfter: nil)
        #expect(pace.rate == 9.5)
        /// `answers` accepted a hundredth of a second apart from `from`, each while a request waits for the rate.
        func probe(from: Double, answers: Int) {
            for index in 0..<answers {
                let time = from + Double(index) * 0.01
                _ = asks(&pace, at: [time, time])
                pace.accept(sent: at(time), at: at(time + 0.005))
            }
        }
        // After the hold, 0.002 an answer below the 10 refused,
        probe(from: 3.5, answers: 200)
        #expect(abs(pace.rate! - 9.9) < 1e-6)
        // and 0.02 above it, where the limit has moved: fifty answers reach 10, the other fifty add 0.02 each.
        probe(from: 6, answers: 100)
        #expect(pace.rate! >= 10.98 - 1e-6 && pace.rate! <= 11 + 1e-6, "\(pace.rate!)")

        // Refused while creeping below the ceiling, and again before the rate grew: 95%, then 85% of the rate.
        var again = LearnedRate(remembered: 10)
        _ = asks(&again, at: [0])
        again.refuse(sent: at(0.1), at: at(0.2), retryAfter: nil)
        again.accept(sent: at(0.3), at: at(0.4))
        again.refuse(sent: at(0.5), at: at(0.6), retryAfter: nil)
        #expect(abs(again.rate! - 9.5 * 0.85) < 1e-9)
        #expect(again.cuts == 2)
    }

    @Test("--max-rate: paced from the first request, never above it, never below one request every five seconds")
    func maximum() {
        var pace = LearnedRate(maximum: 2)
        #expect(asks(&pace, at: [0, 0, 0.5]) == [0, 500, 500])
        _ = asks(&pace, at: [1, 1])
        for _ in 0..<20 { pace.accept(sent: at(1), at: at(1.1)) }
        #expect(pace.rate == 2)
        // Each refusal comes with nothing held back: 95% of the rate the first time, 85% each time after (the rate
        // has not grown since the last), down to the least.
        for second in 2..<22 {
            pace.accept(sent: at(Double(second)), at: at(Double(second) + 0.1))
            pace.refuse(sent: at(Double(second) + 0.2), at: at(Double(second) + 0.8), retryAfter: nil)
        }
        #expect(pace.rate == LearnedRate.minimum)
    }

    @Test("a remembered rate: paced from the first request, held for three seconds, then crept up to what it was learned from; nothing learned without it or a refusal")
    func remembered() {
        #expect(LearnedRate().learned == nil)
        #expect(LearnedRate(maximum: 5).learned == nil)
        // At or above --max-rate, the maximum is where it starts, and nothing was remembered.
        #expect(LearnedRate(maximum: 5, remembered: 8).remembered == nil)
        #expect(LearnedRate(maximum: 5, remembered: 8).rate == 5)
        var pace = LearnedRate(remembered: 4)
        #expect(pace.learned == 4)
        #expect(asks(&pace, at: [0, 0, 0.5]) == [0, 250, 500])
        // Held back within the first three seconds: no growth (no search, as after a guess from unlimited),
        heldBack(&pace, at: 1)
        #expect(pace.rate == 4)
        // then it creeps towards the 4.44 it was learned from (90% of it): 0.002 an answer.
        heldBack(&pace, at: 3.5)
        #expect(abs(pace.rate! - 4.02) < 1e-9)
        // Not refused, it learned not the probed rate but 90% of the five a second accepted over two seconds.
        #expect(pace.learned == 4.5)
        // A refusal while it creeps, with more accepted than the rate: the limit is just below, 95% of the rate;
        // then it holds and creeps, never searches.
        pace.refuse(sent: at(3.7), at: at(3.75), retryAfter: nil)
        #expect(pace.cuts == 1)
        #expect(abs(pace.rate! - 4.02 * LearnedRate.near) < 1e-9)
        heldBack(&pace, at: 4)
        #expect(abs(pace.rate! - 4.02 * LearnedRate.near) < 1e-9)
        // What it learned: 90% of the twenty answers to requests sent in the two seconds before 4 s, more than the rate.
        #expect(pace.learned == 9)
    }

    @Test("what a command learned: the rate, or 90% of the most accepted a second over two unpaused seconds when that is more")
    func learnedFromWhatWasAccepted() {
        var pace = LearnedRate(remembered: 60)
        _ = asks(&pace, at: [0])
        // Fifty a second accepted for three seconds: 101 sent in the first two seconds, ends included.
        answers(&pace, perSecond: 50, from: 0, until: 3.01)
        #expect(abs(pace.sustained - 50.5) < 1e-9)
        // Requests held back, but almost nothing accepted in the half second before a refusal: the rate is halved,
        // the deepest cut.
        crowd(&pace, at: 3.45)
        pace.refuse(sent: at(3.4), at: at(3.5), retryAfter: .seconds(1))
        #expect(pace.rate == 30)
        #expect(abs(pace.learned! - 0.9 * 50.5) < 1e-9)
        // Answers to requests sent within two seconds after the pause ended do not count: the span is not whole.
        answers(&pace, perSecond: 200, from: 4.5, until: 6.4)
        #expect(abs(pace.sustained - 50.5) < 1e-9)
    }

    @Test("a command that starts from the rate the one before learned is not refused where the first one was (virtual clock)", arguments: [20, 100, 400])
    func rememberedAvoidsTheFirstRefusal(limit: Int) throws {
        let first = sequential(limit: limit, latency: 0.001, answers: 2 * limit)
        #expect(first.refused >= 1)
        let learned = try #require(first.learned)
        let second = sequential(limit: limit, latency: 0.001, answers: 2 * limit, remembered: learned)
        #expect(second.refused == 0, "\(second.refused) refused from \(learned) a second")
        #expect(second.seconds <= 1.25 * 2, "\(second.seconds) s")
    }

    /// One request at a time against the simulator's token bucket, on the virtual clock: each accepted
    /// answer takes `latency`, each refusal comes back at once with the bucket's `Retry-After`, and the
    /// refused request waits for it before it asks again.
    func sequential(
        limit: Int, latency: Double, answers: Int, remembered: Double? = nil
    ) -> (refused: Int, seconds: Double, rate: Double?, learned: Double?) {
        let bucket = RequestRateLimit(perSecond: limit, at: start)
        var pace = LearnedRate(remembered: remembered)
        var now = start
        var (accepted, refused) = (0, 0)
        while accepted < answers {
            if let wake = pace.admit(at: now) {
                now = wake
                continue
            }
            let sent = now
            if let wait = bucket.take(at: now) {
                refused += 1
                now += .microseconds(300)
                pace.refuse(sent: sent, at: now, retryAfter: .seconds(wait))
                now += .seconds(wait)
            } else {
                accepted += 1
                now += LearnedRate.seconds(latency)
                pace.accept(sent: sent, at: now)
            }
        }
        return (refused, LearnedRate.seconds(now - start), pace.rate, pace.learned)
    }

    @Test(
        "against a rate limit that one request at a time already exceeds, few refusals and little time lost (virtual clock)",
        arguments: [(20, 0.005), (50, 0.005), (100, 0.005), (20, 0.001)])
    func keepsToALimit(limit: Int, latency: Double) throws {
        let answers = 20 * limit
        let run = sequential(limit: limit, latency: latency, answers: answers)
        // Unpaced, one request at a time would go at 1 / latency a second, 2 to 10 times the limit.
        #expect(run.refused <= 5, "\(run.refused) refused")
        #expect(run.seconds <= 1.25 * Double(answers) / Double(limit), "\(run.seconds) s")
        let rate = try #require(run.rate)
        // Near the limit: a probe may stand a little above it until the next refusal.
        #expect(rate > 0.8 * Double(limit) && rate <= 1.1 * Double(limit), "\(rate)")
    }

    @Test(
        "the search ends at the limit of the bucket both refusals found empty: no third refusal, the rate just below the limit (virtual clock)",
        arguments: [100, 400])
    func searchEndsAtAFittedLimit(limit: Int) throws {
        let run = sequential(limit: limit, latency: 0.001, answers: 10 * limit)
        // Measured instead, the cut counts the burst the bucket gathered in the pause, lands above the limit, and
        // is refused a third time.
        #expect(run.refused == 2)
        let rate = try #require(run.rate)
        #expect(rate > 0.9 * Double(limit) && rate < Double(limit), "\(rate)")
    }

    @Test("answers that come back after the refusal that ended the search fit it again, and raise the rate they fit")
    func lateAnswersRefit() throws {
        // A bucket of ten refilling at 40 a second: a burst at 1,000 a second from full is refused at the twelfth.
        var pace = LearnedRate()
        _ = asks(&pace, at: [0])
        answers(&pace, perSecond: 1000, from: 0, until: 0.011)
        pace.refuse(sent: at(0.011), at: at(0.0111), retryAfter: .seconds(1))
        #expect(pace.rate == 44)
        // After the pause, at 60 a second, it empties in half a second: 30 accepted, the last three answered
        // only after the refusal. Fitted without them, 30 - 0.5 L = 11 - 0.011 L less three: L = 32.7.
        let searchFrom = 1.0111
        for index in 0..<27 { pace.accept(sent: at(searchFrom + Double(index) / 60), at: at(searchFrom + Double(index) / 60)) }
        pace.refuse(sent: at(searchFrom + 0.5), at: at(searchFrom + 0.5001), retryAfter: .seconds(1))
        #expect(abs(pace.rate! - 0.95 * 16 / 0.489) < 0.05, "\(pace.rate!)")
        // With them, 30 - 0.5 L = 11 - 0.011 L: L = 38.9.
        for index in 27..<30 { pace.accept(sent: at(searchFrom + Double(index) / 60), at: at(searchFrom + 0.52)) }
        #expect(abs(pace.rate! - 0.95 * 19 / 0.489) < 0.05, "\(pace.rate!)")
        #expect(pace.cuts == 2)
    }
}
