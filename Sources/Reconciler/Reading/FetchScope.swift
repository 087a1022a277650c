import EstateModel
import InvGateWire
import Manifest

/// What to read from the live instance: the kinds the manifests mention or prune, only the custom fields
/// they name, and (``withSideEffects``) every kind a step on those can change as a side effect of the API.
package struct FetchScope: Equatable, Sendable {
    package var companies: Bool
    package var groups: Bool
    package var locations: Bool
    package var helpdesks: Bool
    package var kbCategories: Bool
    /// Custom fields by label or uid (as text). Their options are read; other fields' are not.
    package var customFields: Set<String>

    package init(
        companies: Bool = false, groups: Bool = false, locations: Bool = false, helpdesks: Bool = false,
        kbCategories: Bool = false, customFields: Set<String> = []
    ) {
        self.companies = companies
        self.groups = groups
        self.locations = locations
        self.helpdesks = helpdesks
        self.kbCategories = kbCategories
        self.customFields = customFields
    }

    /// Everything, every custom field's options included (for `export`).
    package static let everything = FetchScope(
        companies: true, groups: true, locations: true, helpdesks: true, kbCategories: true, customFields: ["*"])

    func includesField(label: String, uid: Int) -> Bool {
        customFields.contains("*") || customFields.contains(label) || customFields.contains(String(uid))
    }
}

extension FetchScope {
    /// Only what the manifests mention or prune: their kinds, and the custom fields they name.
    package init(manifest: DeclaredEstate) {
        let prune = Set(manifest.policy.prune.map(\.value))
        self.init(
            companies: !manifest.companies.isEmpty || prune.contains(.companies),
            groups: !manifest.groups.isEmpty || prune.contains(.groups),
            locations: !manifest.locations.isEmpty || prune.contains(.locations),
            helpdesks: !manifest.helpDesks.isEmpty,
            kbCategories: !manifest.kbCategories.isEmpty || prune.contains(.kbCategories),
            customFields: Set(manifest.customFields.map(\.field)))
    }

    /// What `export` reads for `kinds`: each kind in full, every custom field's options for
    /// `custom_fields`. (Companies also read the groups' names, which their `groups` need.)
    package init(exporting kinds: Set<ObjectKind>) {
        self.init(
            companies: kinds.contains(.companies), groups: kinds.contains(.groups), locations: kinds.contains(.locations),
            helpdesks: kinds.contains(.helpdesks), kbCategories: kinds.contains(.kbCategories),
            customFields: kinds.contains(.customFields) ? ["*"] : [])
    }

    /// This scope and every kind that a write to one of its kinds can change as a side effect of the API
    /// (``ObjectKind/sideEffects``): what must be read before planning, so that the plan shows and counts
    /// those changes, the journal records their state before, and `undo` restores them. Read after the
    /// targets narrowed the scope: a kind read for its side effects is not planned, counted or pruned.
    package var withSideEffects: FetchScope {
        var scope = self
        for kind in Set(kinds.flatMap(\.sideEffects)) {
            switch kind {
            case .companies: scope.companies = true
            case .groups: scope.groups = true
            case .locations: scope.locations = true
            case .helpdesks: scope.helpdesks = true
            case .kbCategories: scope.kbCategories = true
            case .customFields: if scope.customFields.isEmpty { scope.customFields = ["*"] }
            }
        }
        return scope
    }

    /// The kinds whose live objects are read in full.
    package var kinds: Set<ObjectKind> {
        var kinds: Set<ObjectKind> = []
        if companies { kinds.insert(.companies) }
        if groups { kinds.insert(.groups) }
        if locations { kinds.insert(.locations) }
        if helpdesks { kinds.insert(.helpdesks) }
        if kbCategories { kinds.insert(.kbCategories) }
        if !customFields.isEmpty { kinds.insert(.customFields) }
        return kinds
    }
}

extension FetchScope {
    /// Every endpoint the reader may GET for this scope (and `apply` after a write, to look an object
    /// up or read a relation back): what an OAuth client needs read scopes for.
    package var endpoints: [Endpoint] {
        var endpoints: [Endpoint] = [.users]
        if companies { endpoints += [.companies, .companiesObservers, .companiesGroups, .companiesUsers, .groups] }
        if groups { endpoints += [.groups, .groupsObservers, .groupsUsers] }
        if locations { endpoints += [.locations, .locationsObservers, .locationsUsers] }
        if companies || groups || locations { endpoints.append(.usersGroups) }
        if helpdesks { endpoints += [.helpdesks, .helpdesksAndLevels, .helpdesksObservers, .levelsObservers] }
        if kbCategories { endpoints.append(.kbCategories) }
        if !customFields.isEmpty {
            endpoints += [.customFieldsAll, .customFieldTypes, .customFieldListOptions, .customFieldTreeOptions]
        }
        return Array(Set(endpoints)).sorted()
    }

    /// The OAuth2 scopes reading this scope takes.
    package var readScopes: Set<OAuthScope> { OAuthScope.reading(endpoints) }
}
