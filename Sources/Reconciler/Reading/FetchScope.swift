import EstateModel
import InvGateWire
import Manifest

/// What to read from the live instance: the kinds the manifests mention or prune, only the custom fields
/// they name, and (``withSideEffects``) every kind a step on those can change as a side effect of the API.
package struct FetchScope: Equatable, Sendable {
    /// The kinds whose live objects are read in full (custom fields: the ``fields`` named).
    package private(set) var kinds: Set<ObjectKind>
    /// Custom fields by label or uid (as text), `*` for all. Their options are read; other fields' are not.
    package private(set) var fields: Set<String>

    /// `kinds` in full; naming `fields` reads custom fields, and reading custom fields with no field
    /// named reads every field's options.
    package init(_ kinds: Set<ObjectKind> = [], fields: Set<String> = []) {
        self.kinds = fields.isEmpty ? kinds : kinds.union([.customFields])
        self.fields = self.kinds.contains(.customFields) && fields.isEmpty ? ["*"] : fields
    }

    /// Everything, every custom field's options included (for `export`).
    package static let everything = FetchScope(Set(ObjectKind.allCases))

    package func reads(_ kind: ObjectKind) -> Bool { kinds.contains(kind) }

    func includesField(label: String, uid: Int) -> Bool {
        fields.contains("*") || fields.contains(label) || fields.contains(String(uid))
    }
}

extension FetchScope {
    /// Only what the manifests mention or prune: their kinds, and the custom fields they name. A user's
    /// `groups`, `companies` and `locations` are memberships of those kinds: they are read too.
    package init(manifest: DeclaredEstate) {
        let prune = Set(manifest.policy.prune.map(\.value))
        let declared = ObjectKind.allCases.filter { $0 != .customFields && manifest.declares($0) }
        let users = manifest.users
        let memberships: [ObjectKind] =
            (users.contains { $0.groups != nil } ? [.groups] : []) + (users.contains { $0.companies != nil } ? [.companies] : [])
            + (users.contains { $0.locations != nil } ? [.locations] : [])
        self.init(
            prune.union(declared).union(memberships).subtracting([.customFields]), fields: Set(manifest.customFields.map(\.field)))
    }

    /// What `export` reads for `kinds`: each kind in full, every custom field's options for
    /// `custom_fields`.
    package init(exporting kinds: Set<ObjectKind>) { self.init(kinds) }

    /// This scope and every kind that a write to one of its kinds can change as a side effect of the API
    /// (``ObjectKind/sideEffects``): what must be read before planning, so that the plan shows and counts
    /// those changes, the journal records their state before, and `undo` restores them. Read after the
    /// targets narrowed the scope: a kind read for its side effects is not planned, counted or pruned.
    package var withSideEffects: FetchScope {
        FetchScope(kinds.union(kinds.flatMap(\.sideEffects)), fields: fields)
    }
}

extension FetchScope {
    /// Every endpoint the reader may GET for this scope (and `apply` after a write, to look an object
    /// up or read a relation back): what an OAuth client needs read scopes for. Users first, then each
    /// kind's in the registry's order.
    package var endpoints: [Endpoint] {
        var endpoints: [Endpoint] = [.users]
        for kind in ObjectKind.allCases where reads(kind) {
            endpoints += kind.readEndpoints.filter { !endpoints.contains($0) }
        }
        // A user create whose answer was lost is looked up by username.
        if reads(.users) { endpoints.append(.userBy) }
        return endpoints
    }

    /// Endpoints a plan of this scope may write but that are never read: the account writes of users.
    package var writtenOnly: [Endpoint] {
        reads(.users) ? [.user, .userDisable, .userEnable] : []
    }

    /// The OAuth2 scopes reading this scope takes.
    package var readScopes: Set<OAuthScope> { OAuthScope.reading(endpoints) }
}
