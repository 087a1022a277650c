import EstateModel
import InvGateWire
import Manifest

/// What to read from the live instance: the kinds the manifests mention or prune, only the custom fields
/// they name, and (``withSideEffects``) every kind a step on those can change as a side effect of the API.
package struct FetchScope: Equatable, Sendable, Codable {
    package var companies: Bool
    package var groups: Bool
    package var locations: Bool
    package var helpdesks: Bool
    package var kbCategories: Bool
    /// Custom fields by label or uid (as text). Their options are read; other fields' are not.
    package var customFields: Set<String>
    /// Users are planned (declared or pruned). Every user is read whatever the scope: references need them.
    package var users: Bool

    package init(
        companies: Bool = false, groups: Bool = false, locations: Bool = false, helpdesks: Bool = false,
        kbCategories: Bool = false, customFields: Set<String> = [], users: Bool = false
    ) {
        self.companies = companies
        self.groups = groups
        self.locations = locations
        self.helpdesks = helpdesks
        self.kbCategories = kbCategories
        self.customFields = customFields
        self.users = users
    }

    enum CodingKeys: String, CodingKey {
        case companies, groups, locations, helpdesks, kbCategories, customFields, users
    }

    /// Journals written before users were planned have no `users`.
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            companies: try container.decode(Bool.self, forKey: .companies), groups: try container.decode(Bool.self, forKey: .groups),
            locations: try container.decode(Bool.self, forKey: .locations), helpdesks: try container.decode(Bool.self, forKey: .helpdesks),
            kbCategories: try container.decode(Bool.self, forKey: .kbCategories),
            customFields: try container.decode(Set<String>.self, forKey: .customFields),
            users: try container.decodeIfPresent(Bool.self, forKey: .users) ?? false)
    }

    /// Everything, every custom field's options included (for `export`).
    package static let everything = FetchScope(
        companies: true, groups: true, locations: true, helpdesks: true, kbCategories: true, customFields: ["*"], users: true)

    func includesField(label: String, uid: Int) -> Bool {
        customFields.contains("*") || customFields.contains(label) || customFields.contains(String(uid))
    }
}

extension FetchScope {
    /// Only what the manifests mention or prune: their kinds, and the custom fields they name.
    /// A user's `groups`, `companies` and `locations` need those kinds read too.
    package init(manifest: DeclaredEstate) {
        let prune = Set(manifest.policy.prune.map(\.value))
        let users = manifest.users
        self.init(
            companies: !manifest.companies.isEmpty || prune.contains(.companies) || users.contains { $0.companies != nil },
            groups: !manifest.groups.isEmpty || prune.contains(.groups) || users.contains { $0.groups != nil },
            locations: !manifest.locations.isEmpty || prune.contains(.locations) || users.contains { $0.locations != nil },
            helpdesks: !manifest.helpDesks.isEmpty,
            kbCategories: !manifest.kbCategories.isEmpty || prune.contains(.kbCategories),
            customFields: Set(manifest.customFields.map(\.field)),
            users: !users.isEmpty || prune.contains(.users))
    }

    /// What `export` reads for `kinds`: each kind in full, every custom field's options for
    /// `custom_fields`. (Companies also read the groups' names, which their `groups` need.)
    package init(exporting kinds: Set<ObjectKind>) {
        self.init(
            companies: kinds.contains(.companies), groups: kinds.contains(.groups), locations: kinds.contains(.locations),
            helpdesks: kinds.contains(.helpdesks), kbCategories: kinds.contains(.kbCategories),
            customFields: kinds.contains(.customFields) ? ["*"] : [], users: kinds.contains(.users))
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
            case .users: scope.users = true
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
        if users { kinds.insert(.users) }
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
        // A create whose answer was lost is looked up by username.
        if users { endpoints.append(.userBy) }
        if !customFields.isEmpty {
            endpoints += [.customFieldsAll, .customFieldTypes, .customFieldListOptions, .customFieldTreeOptions]
        }
        return Array(Set(endpoints)).sorted()
    }

    /// Endpoints a plan of this scope may write but that are never read: the account writes of users.
    package var writtenOnly: [Endpoint] {
        users ? [.user, .userDisable, .userEnable] : []
    }

    /// The OAuth2 scopes reading this scope takes.
    package var readScopes: Set<OAuthScope> { OAuthScope.reading(endpoints) }
}
