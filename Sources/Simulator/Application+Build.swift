import EstateModel
import Foundation
import Hummingbird
import InvGateWire
import Logging
import NIOCore
import ServiceLifecycle

/// The simulator's router: every endpoint of ``InvGateSimulator/routes`` at `/api/v1/<endpoint>`,
/// behind the ``SimulatorGate``.
package func buildRouter(_ simulator: InvGateSimulator) -> Router<BasicRequestContext> {
    let router = Router()
    router.add(middleware: SimulatorGate<BasicRequestContext>(options: simulator.options, tokens: simulator.store.tokens))
    router.post(RouterPath(InvGateSimulator.tokenPath)) { request, context in
        await simulator.issueToken(request, context: context)
    }
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
package func buildApplication(
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
package func buildApplication(
    _ options: SimulatorOptions, logger: Logger, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) throws(SimulatorSetupError) -> some ApplicationProtocol {
    let store = try SimulatorStore.open(options)
    return buildApplication(options, store: store, logger: logger, onServerRunning: onServerRunning)
}

/// Opens the store as `options` say and serves until SIGINT or SIGTERM.
package func runSimulator(
    _ options: SimulatorOptions, logger: Logger, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) async throws {
    let application = try buildApplication(options, logger: logger, onServerRunning: onServerRunning)
    do {
        try await application.runService()
    } catch let error as IOError where error.errnoCode == EADDRINUSE {
        throw SimulatorSetupError.portInUse(host: options.host, port: options.port)
    } catch let error as IOError where error.errnoCode == EADDRNOTAVAIL {
        throw SimulatorSetupError.hostNotHere(host: options.host)
    }
}

/// Why an in-process simulator could not be had.
package struct SimulatorStartError: Error, CustomStringConvertible {
    package var description: String { "The simulator did not start." }
}

/// Serves `store` where `options` say (port 0: any free port) while `body` runs with the bound port,
/// then stops. For the embedded local instance and for tests.
package func withRunningSimulator<Value: Sendable>(
    _ options: SimulatorOptions, store: SimulatorStore, logger: Logger,
    _ body: @Sendable (Int) async throws -> Value
) async throws -> Value {
    let (ports, bound) = AsyncStream.makeStream(of: Int.self)
    let application = buildApplication(options, store: store, logger: logger) { port in bound.yield(port) }
    return try await withRunning(application, ports: ports, bound: bound, logger: logger, body)
}

/// Runs `application` while `body` runs with the port it bound (its `onServerRunning` yields it to
/// `bound`), then stops it gracefully: every connection it accepted is taken in and closed. (Cancelled
/// instead, a server drops the connections it accepted but had not yet taken in, such as one whose TLS
/// handshake failed, and NIO traps on them: "Deinited NIOAsyncWriter without calling finish()".)
package func withRunning<Value: Sendable>(
    _ application: some ApplicationProtocol, ports: AsyncStream<Int>, bound: AsyncStream<Int>.Continuation, logger: Logger,
    _ body: @Sendable (Int) async throws -> Value
) async throws -> Value {
    let services = ServiceGroup(services: [application], logger: logger)
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask {
            defer { bound.finish() }
            try await services.run()
        }
        guard let port = await ports.first(where: { _ in true }) else { throw SimulatorStartError() }
        let result: Result<Value, any Error>
        do {
            result = .success(try await body(port))
        } catch {
            result = .failure(error)
        }
        await services.triggerGracefulShutdown()
        try? await group.waitForAll()
        return try result.get()
    }
}
