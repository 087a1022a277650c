import Foundation

/// The OAuth2 bearer token, fetched with client credentials and kept until it expires.
actor TokenCache {
    private var token: String?
    private var expiry: ContinuousClock.Instant = .now
    private var fetching: Task<(String, Duration), any Error>?

    /// The cached token, or a new one from `fetch` when there is none or it has expired.
    func token(fetch: @escaping @Sendable () async throws -> (String, Duration)) async throws -> String {
        if let token, ContinuousClock.now < expiry { return token }
        let task = fetching ?? Task { try await fetch() }
        fetching = task
        defer { fetching = nil }
        let (fresh, lifetime) = try await task.value
        token = fresh
        // Renew a little early so that a request never leaves with a token about to lapse.
        expiry = .now + max(.zero, lifetime - .seconds(30))
        return fresh
    }

    /// Forgets the token (after a 401), unless it was already replaced by a newer one.
    func invalidate(_ stale: String) {
        if token == stale { token = nil }
    }
}
