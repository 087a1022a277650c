import Foundation
import InvGateWire

/// The OAuth2 bearer token, fetched with client credentials and kept until it expires or a token with
/// other scopes is needed.
actor TokenCache {
    private var token: String?
    private var scopes: Set<String> = []
    private var expiry: ContinuousClock.Instant = .now
    private var fetching: (scopes: Set<String>, task: Task<(String, Duration), any Error>)?

    /// The cached token when it carries `scopes` and has not expired; else a new one from `fetch`.
    func token(
        scopes wanted: Set<String>, fetch: @escaping @Sendable () async throws -> (String, Duration)
    ) async throws -> String {
        if let token, wanted.isSubset(of: scopes), ContinuousClock.now < expiry { return token }
        let task: Task<(String, Duration), any Error>
        if let fetching, fetching.scopes == wanted {
            task = fetching.task
        } else {
            task = Task { try await fetch() }
            fetching = (wanted, task)
        }
        defer { if fetching?.task == task { fetching = nil } }
        let (fresh, lifetime) = try await task.value
        token = fresh
        scopes = wanted
        // Renew a little early so that a request never leaves with a token about to lapse.
        expiry = .now + max(.zero, lifetime - .seconds(30))
        return fresh
    }

    /// Forgets the token (after a 401), unless it was already replaced by a newer one.
    func invalidate(_ stale: String) {
        if token == stale { token = nil }
    }
}
