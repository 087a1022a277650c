import Foundation
import Hummingbird

/// What every request passes first: the injected latency, then HTTP Basic authentication; and the
/// ERROR answer for a path that is no endpoint.
struct SimulatorGate<Context: RequestContext>: RouterMiddleware {
    let options: SimulatorOptions

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if options.latency > .zero { try await Task.sleep(for: options.latency) }
        guard isAuthorized(request.headers[.authorization]) else {
            return InvGateSimulator.response(for: .unauthorized)
        }
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            return InvGateSimulator.response(for: .unknownEndpoint(request.uri.path))
        }
    }

    /// `Basic base64(username:token)` with the configured username and token.
    func isAuthorized(_ header: String?) -> Bool {
        guard let header, header.lowercased().hasPrefix("basic ") else { return false }
        let encoded = header.dropFirst("basic ".count).trimmingCharacters(in: .whitespaces)
        guard let data = Data(base64Encoded: encoded), let pair = String(data: data, encoding: .utf8) else {
            return false
        }
        return pair == "\(options.username):\(options.token)"
    }
}
