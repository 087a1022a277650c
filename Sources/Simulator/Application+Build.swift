import EstateModel
import Hummingbird
import InvGateWire
import Logging
import NIOCore

/// The simulator's router: every endpoint of ``InvGateSimulator/routes`` at `/api/v1/<endpoint>`,
/// behind the ``SimulatorGate``.
package func buildRouter(_ simulator: InvGateSimulator) -> Router<BasicRequestContext> {
    let router = Router()
    router.add(middleware: SimulatorGate<BasicRequestContext>(options: simulator.options))
    let methods: [HTTPRequest.Method] = [.get, .post, .put, .delete, .patch]
    for endpoint in Set(InvGateSimulator.routes.map(\.endpoint)).sorted() {
        for method in methods {
            router.on(RouterPath(endpoint.path), method: method) { request, context in
                await simulator.answer(endpoint, request, context: context)
            }
        }
    }
    return router
}

/// A simulator application over `store`, listening where `options` say. `onServerRunning` is given
/// the bound port (useful with port 0).
public func buildApplication(
    _ options: SimulatorOptions, store: SimulatorStore, logger: Logger,
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) -> some ApplicationProtocol {
    let simulator = InvGateSimulator(store: store, options: options, logger: logger)
    return Application(
        router: buildRouter(simulator),
        configuration: ApplicationConfiguration(address: .hostname(options.host, port: options.port)),
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? options.port) },
        logger: logger)
}

/// A simulator application whose store is opened as `options` say: the state file if it exists,
/// else the seed file, else the demo seed.
public func buildApplication(
    _ options: SimulatorOptions, logger: Logger, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) throws(SimulatorSetupError) -> some ApplicationProtocol {
    let store = try SimulatorStore.open(options)
    return buildApplication(options, store: store, logger: logger, onServerRunning: onServerRunning)
}

/// Opens the store as `options` say and serves until SIGINT or SIGTERM.
public func runSimulator(
    _ options: SimulatorOptions, logger: Logger, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) async throws {
    let application = try buildApplication(options, logger: logger, onServerRunning: onServerRunning)
    try await application.runService()
}

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
