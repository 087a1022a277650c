import EstateModel
import Manifest
import Planner

extension FetchScope {
    /// Only what `targeting`'s targets can reach: the kinds they name, and the custom fields whose labels
    /// they match. Groups are still read for targeted companies, which relate to them by name.
    package func narrowed(to targeting: Targeting) -> FetchScope {
        guard !targeting.targets.isEmpty else { return self }
        let kinds = targeting.kinds
        var scope = self
        scope.companies = companies && kinds.contains(.companies)
        scope.groups = groups && (kinds.contains(.groups) || kinds.contains(.companies))
        scope.locations = locations && kinds.contains(.locations)
        scope.helpdesks = helpdesks && kinds.contains(.helpdesks)
        scope.kbCategories = kbCategories && kinds.contains(.kbCategories)
        scope.users = users && kinds.contains(.users)
        scope.customFields = customFields.filter { field in
            targeting.targets.contains { $0.glob == nil ? $0.kinds.contains(.customField) : $0.matches(Address(.customField, field)) }
        }
        return scope
    }
}

extension DeclaredEstate {
    /// The declarations of the kinds `scope` reads: the others are neither resolved nor planned.
    package func keeping(_ scope: FetchScope) -> DeclaredEstate {
        var kept = self
        if !scope.companies { kept.companies = [] }
        if !scope.groups { kept.groups = [] }
        if !scope.locations { kept.locations = [] }
        if !scope.helpdesks { kept.helpDesks = [] }
        if !scope.kbCategories { kept.kbCategories = [] }
        kept.customFields = customFields.filter { scope.customFields.contains($0.field) }
        if !scope.users { kept.users = [] }
        return kept
    }
}
