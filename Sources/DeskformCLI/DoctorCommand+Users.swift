import InvGateAPI
import InvGateWire
import Reconciler

extension DoctorCommand {
    /// With OAuth2, whether the client is granted the scopes of the user writes a plan may make (`user`
    /// POST and PUT, `user.disable`, `user.enable`; never `DELETE user`): a token is asked for with them
    /// and used for a read. Nothing is written. With HTTP Basic there are no scopes (nil): the API user's own
    /// permissions decide, which the "write access" line says cannot be checked.
    static func userWriteScopes(_ client: InvGateClient, credentials: Credentials, scope: FetchScope) async -> DoctorCheck? {
        let writes = Catalogue.operations.filter { operation in
            scope.writtenOnly.contains(operation.endpoint) && operation.method != .get && operation.method != .delete
        }.map { OAuthScope($0.endpoint, $0.method).description }.sorted()
        guard credentials.isOAuth2 else { return nil }
        let reads = client.requestedScopeNames
        client.requestScopes(named: reads.union(writes))
        defer { client.requestScopes(named: reads) }
        do throws(InvGateError) {
            _ = try await client.get(.version)
            return .ok("write users", "the OAuth client is granted \(writes.joined(separator: ", "))")
        } catch {
            return .failed(
                "write users",
                "the OAuth client is not granted \(writes.joined(separator: ", ")) (\(error)); grant them to it in InvGate to manage users")
        }
    }
}
