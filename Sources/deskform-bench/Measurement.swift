import InvGateAPI
import InvGateWire
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Clocks and memory of this process.
enum Measurement {
    /// CPU time of the calling thread, in seconds: the planner's own work, not the simulator's.
    static func threadCPU() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Peak resident set size of the process so far, in MiB.
    static func peakRSS() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    static func wall<T>(_ body: () async throws -> T) async rethrows -> (T, Double) {
        let start = ContinuousClock.now
        let value = try await body()
        let elapsed = ContinuousClock.now - start
        return (value, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
}

/// Counts requests by `METHOD endpoint` and the answers that were 429, and keeps the GET URLs, around
/// a live transport.
final class CallLog: HTTPTransport {
    let inner: any HTTPTransport
    private let state = Mutex((counts: [String: Int](), gets: [String](), rateLimited: 0))

    init(_ inner: any HTTPTransport) {
        self.inner = inner
    }

    var counts: [String: Int] { state.withLock { $0.counts } }
    var total: Int { counts.values.reduce(0, +) }
    var getURLs: [String] { state.withLock { $0.gets } }
    /// How many answers were 429 (too many requests).
    var rateLimited: Int { state.withLock { $0.rateLimited } }

    func reset() { state.withLock { $0 = ([:], [], 0) } }

    func send(_ request: WireRequest) async throws(TransportFailure) -> WireResponse {
        let endpoint = request.url.split(separator: "?")[0].split(separator: "/").last.map(String.init) ?? ""
        state.withLock {
            $0.counts["\(request.method.rawValue) \(endpoint)", default: 0] += 1
            if request.method == .get { $0.gets.append(request.url) }
        }
        let response = try await inner.send(request)
        if response.status == 429 { state.withLock { $0.rateLimited += 1 } }
        return response
    }
}
