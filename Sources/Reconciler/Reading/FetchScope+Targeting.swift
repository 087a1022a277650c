import EstateModel
import Manifest
import Planner

extension FetchScope {
    /// Only what `targeting`'s targets can reach: the kinds they name, and the custom fields whose labels
    /// they match. Groups are still read for targeted companies, which relate to them by name.
    package func narrowed(to targeting: Targeting) -> FetchScope {
        guard !targeting.targets.isEmpty else { return self }
        // Companies relate groups by name: a targeted company keeps the groups read.
        let targeted = targeting.kinds.union(targeting.kinds.contains(.companies) ? [.groups] : [])
        let fields = fields.filter { field in
            targeting.targets.contains { $0.glob == nil ? $0.kinds.contains(.customField) : $0.matches(Address(.customField, field)) }
        }
        return FetchScope(kinds.intersection(targeted).subtracting([.customFields]), fields: fields)
    }
}

extension DeclaredEstate {
    /// The declarations of the kinds `scope` reads: the others are neither resolved nor planned.
    package func keeping(_ scope: FetchScope) -> DeclaredEstate {
        var kept = ObjectKind.allCases.filter { !scope.reads($0) }.reduce(self) { $0.removingDeclarations(of: $1) }
        kept.customFields = customFields.filter { scope.fields.contains($0.field) }
        return kept
    }
}
