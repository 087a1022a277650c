import EstateModel
import Planner

extension FetchScope {
    /// What `export` reads for `kinds`: each kind in full, every custom field's options for
    /// `custom_fields`. (Companies also read the groups' names, which their `groups` need.)
    public init(exporting kinds: Set<ObjectKind>) {
        self.init(
            companies: kinds.contains(.companies), groups: kinds.contains(.groups), locations: kinds.contains(.locations),
            helpdesks: kinds.contains(.helpdesks), kbCategories: kinds.contains(.kbCategories),
            customFields: kinds.contains(.customFields) ? ["*"] : [])
    }
}
