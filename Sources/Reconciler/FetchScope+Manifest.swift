import EstateModel
import Manifest
import Planner

extension FetchScope {
    /// Only what the manifests mention or prune: their kinds, and the custom fields they name.
    public init(manifest: DeclaredEstate) {
        let prune = Set(manifest.policy.prune.map(\.value))
        self.init(
            companies: !manifest.companies.isEmpty || prune.contains(.companies),
            groups: !manifest.groups.isEmpty || prune.contains(.groups),
            locations: !manifest.locations.isEmpty || prune.contains(.locations),
            helpdesks: !manifest.helpDesks.isEmpty,
            kbCategories: !manifest.kbCategories.isEmpty || prune.contains(.kbCategories),
            customFields: Set(manifest.customFields.map(\.field)))
    }

    /// The kinds whose live objects are read in full, so the planner may count and prune them.
    public var kinds: Set<ObjectKind> {
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
