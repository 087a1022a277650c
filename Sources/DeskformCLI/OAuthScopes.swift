import Foundation
import InvGateWire
import Planner
import Reconciler

/// The OAuth2 scopes a command asks its token for: the read scopes of what it reads (plan, export,
/// doctor), and for apply and undo the write scopes of the plan's steps as well, all from the
/// operation catalogue. `INVGATE_SCOPES` (space- or comma-separated) fixes them instead.
enum OAuthScopes {
    /// The scopes `INVGATE_SCOPES` names, when it is set.
    static func fixed(by environment: [String: String]) -> Set<String>? {
        guard let text = environment["INVGATE_SCOPES"], !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return Set(text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\n" }).map(String.init))
    }

    /// The scope of every step's call.
    static func writing(_ plan: Plan) -> Set<OAuthScope> {
        Set(plan.steps.map(\.operation.wireCall.scope))
    }

    /// Every scope deskform may need to plan (and, with `write`, to apply) manifests of `scope`: the
    /// catalogue's write operations of the kinds it reads, whatever a given plan holds.
    static func needed(for scope: FetchScope, write: Bool) -> [OAuthScope] {
        var scopes = scope.readScopes
        if write {
            let endpoints = Set(scope.endpoints).union(scope.writtenOnly)
            for operation in Catalogue.operations where operation.method != .get && endpoints.contains(operation.endpoint) {
                // deskform never deletes a user: it never needs the scope to.
                if operation.endpoint == .user, operation.method == .delete { continue }
                scopes.insert(OAuthScope(operation.endpoint, operation.method))
            }
        }
        return scopes.sorted()
    }
}
