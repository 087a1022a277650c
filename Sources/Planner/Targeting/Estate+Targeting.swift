import EstateModel

extension Estate {
    /// Only the objects `targeting` selects, for `export`: with the ancestors of selected locations and
    /// KB categories and the groups selected companies relate to, so that what is written stands alone.
    /// Users and what deskform does not manage are kept as they are.
    package func selecting(_ targeting: Targeting) -> Estate {
        guard !targeting.isEverything else { return self }
        var selected = self
        selected.companies = companies.filter { targeting.selects(Address(.company, $0.value.name)) }
        let related = Set(selected.companies.values.flatMap(\.groups))
        selected.groups = groups.filter { targeting.selects(Address(.group, $0.value.name)) || related.contains($0.key) }
        let keptLocations = Set(
            locations.keys.filter { targeting.selects(Address(.location, locationPath(of: $0).joined(separator: "/"))) }
                .flatMap { [$0] + locationAncestors(of: $0) })
        selected.locations = locations.filter { keptLocations.contains($0.key) }
        let keptCategories = Set(
            kbCategories.keys.filter { targeting.selects(Address(.kbCategory, kbCategoryPath(of: $0).joined(separator: "/"))) }
                .flatMap { [$0] + kbCategoryAncestors(of: $0) })
        selected.kbCategories = kbCategories.filter { keptCategories.contains($0.key) }
        selected.levels = levels.filter { id, _ in targeting.selects(address(of: .level(id))) }
        let levelDesks = Set(selected.levels.values.map(\.helpdeskID))
        selected.helpdesks = helpdesks.filter { targeting.selects(Address(.helpdesk, $0.value.name)) || levelDesks.contains($0.key) }
        selected.customFields = customFields.filter { targeting.selects(Address(.customField, $0.value.label)) }
        return selected
    }
}
