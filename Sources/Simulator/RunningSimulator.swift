import Logging

/// Why an in-process simulator could not be had.
public struct SimulatorStartError: Error, CustomStringConvertible {
    public var description: String { "The simulator did not start." }
}

/// Serves `store` where `options` say (port 0: any free port) while `body` runs with the bound port,
/// then stops. For the embedded local instance and for tests.
public func withRunningSimulator<Value: Sendable>(
    _ options: SimulatorOptions, store: SimulatorStore, logger: Logger,
    _ body: @Sendable (Int) async throws -> Value
) async throws -> Value {
    let (ports, bound) = AsyncStream.makeStream(of: Int.self)
    let application = buildApplication(options, store: store, logger: logger) { port in bound.yield(port) }
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask {
            defer { bound.finish() }
            try await application.run()
        }
        guard let port = await ports.first(where: { _ in true }) else { throw SimulatorStartError() }
        defer { group.cancelAll() }
        return try await body(port)
    }
}
