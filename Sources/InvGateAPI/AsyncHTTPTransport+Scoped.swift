/// Runs `body` with a new ``AsyncHTTPTransport`` and shuts the transport down when `body` is done,
/// whether it returned or threw. An error of `body` wins over one of the shutdown.
package func withHTTPTransport<Value>(
    connectTimeout: Duration = .seconds(10), readTimeout: Duration = .seconds(60), maxConnections: Int = 8,
    isolation: isolated (any Actor)? = #isolation,
    _ body: (AsyncHTTPTransport) async throws -> Value
) async throws -> Value {
    try await withHTTPTransport(
        NetworkSettings(connectTimeout: connectTimeout, requestTimeout: readTimeout), maxConnections: maxConnections, body)
}

/// Runs `body` with a new ``AsyncHTTPTransport`` over `settings`, shut down when `body` is done.
package func withHTTPTransport<Value>(
    _ settings: NetworkSettings, maxConnections: Int = 8,
    isolation: isolated (any Actor)? = #isolation,
    _ body: (AsyncHTTPTransport) async throws -> Value
) async throws -> Value {
    let transport = AsyncHTTPTransport(settings, maxConnections: maxConnections)
    let value: Value
    do {
        value = try await body(transport)
    } catch {
        try? await transport.shutdown()
        throw error
    }
    try await transport.shutdown()
    return value
}
