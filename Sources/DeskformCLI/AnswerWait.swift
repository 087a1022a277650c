import InvGateAPI
import InvGateWire

/// A request that is taking long: an instance that accepts connections and never answers would
/// otherwise leave the terminal silent for as long as the timeout and its retries last. After
/// ``patience`` one line on standard error says what deskform is waiting for, how long it will, and how
/// to stop it; an answer before then says nothing.
struct AnswerWait: Sendable {
    /// How long a request may take before the line is written: well within the 10 s a user waits
    /// before wondering whether anything is happening.
    static let patience: Duration = .seconds(5)

    let url: String
    let requestTimeout: Duration
    let console: Console

    /// `deskform: waiting for … to answer GET sd.version: nothing yet after 5 s; …`
    var line: String {
        let timeout = requestTimeout.components.seconds
        let total = RetryPolicy.standard.maxTotalTime.components.seconds
        return
            "deskform: waiting for \(url) to answer GET \(Endpoint.version.rawValue): nothing yet after \(Self.patience.components.seconds) s; "
            + "a request waits up to \(timeout) s (--timeout) and is retried for up to \(total) s in all. Ctrl-C stops.\n"
    }

    /// `GET sd.version`, saying so if the answer is slow to come.
    func version(_ client: InvGateClient) async -> Result<String, InvGateError> {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { [console, line] in
                guard (try? await Task.sleep(for: Self.patience)) != nil else { return }
                console.err(line)
            }
            let answer: Result<String, InvGateError>
            do throws(InvGateError) {
                answer = .success(try await client.version())
            } catch {
                answer = .failure(error)
            }
            group.cancelAll()
            return answer
        }
    }
}
