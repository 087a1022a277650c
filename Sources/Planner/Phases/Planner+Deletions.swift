import EstateModel

extension Planner {
    /// Deletions come last, after every relation step: `absent: true` objects, and undeclared live
    /// objects of the kinds in `policy.prune` (never those `policy.ignore` matches). Undeclared objects
    /// of other kinds are counted as unmanaged.
    mutating func planDeletions(companies: [Int?], groups: [GroupMatch]) throws(PlanError) {
        try deleteCompanies(companies)
        try deleteGroups(groups)
        try deleteLocations()
        try deleteKBCategories()
        try pruneUsers()
    }

    private mutating func deleteCompanies(_ matches: [Int?]) throws(PlanError) {
        guard fetched.contains(.companies) else { return }
        var declared: Set<Int> = []
        for (company, match) in zip(desired.companies, matches) {
            guard let id = match else { continue }
            declared.insert(id)
            if company.absent { try delete(.company, id: id, name: company.name, protect: company.protect, reason: desired.absentReason) }
        }
        let referenced = Set(desired.users.flatMap { $0.companies ?? [] })
        for company in live.companies.values.sorted(by: { $0.id < $1.id }) where !declared.contains(company.id) {
            if referenced.contains(company.name) { continue }
            try pruneOrCount(.companies, .company, id: company.id, name: company.name)
        }
    }

    private mutating func deleteGroups(_ matches: [GroupMatch]) throws(PlanError) {
        guard fetched.contains(.groups) else { return }
        var declared: Set<Int> = []
        for (group, match) in zip(desired.groups, matches) {
            switch match {
            case .existing(let id):
                declared.insert(id)
                if group.absent { try delete(.group, id: id, name: group.name, protect: group.protect, reason: desired.absentReason) }
            case .replace(let old):
                declared.insert(old)
            case .create:
                break
            }
        }
        // Groups named only as companies' relations or users' groups are declared too: never prune what is referenced.
        let referenced = Set(desired.companies.flatMap { $0.groups ?? [] } + desired.users.flatMap { $0.groups ?? [] })
        for group in live.groups.values.sorted(by: { $0.id < $1.id }) where !declared.contains(group.id) {
            if referenced.contains(group.name) { continue }
            try pruneOrCount(.groups, .group, id: group.id, name: group.name)
        }
    }

    /// Topmost first: deleting a location erases its sublocations.
    private mutating func deleteLocations() throws(PlanError) {
        guard fetched.contains(.locations) else { return }
        let declared = Set(desired.locations.filter { !$0.absent }.map(\.path))
        var doomed: [(id: Int, path: [String], reason: String, protect: Bool)] = []
        let paths = PathIndex.locations(of: live)
        for location in desired.locations where location.absent {
            if let id = try paths.node(at: location.path) {
                doomed.append((id, location.path, desired.absentReason, location.protect))
            }
        }
        var doomedIDs = Set(doomed.map(\.id))
        // Locations already erased by a replace are neither deleted again nor unmanaged.
        for location in live.locations.values.sorted(by: { $0.id < $1.id }) where steps.estate.locations[location.id] != nil {
            let path = live.locationPath(of: location.id)
            guard !declared.contains(path), !doomedIDs.contains(location.id) else { continue }
            // Only the topmost undeclared node is considered: its subtree goes with it.
            if let parent = location.parentID, !declared.contains(live.locationPath(of: parent)) { continue }
            let subtree = paths.subtree(of: location.id).map { live.locationPath(of: $0).joined(separator: "/") }
            if !desired.policy.prune.contains(.locations) || subtree.contains(where: { desired.policy.leavesAlone(Address(.location, $0)) })
            {
                unmanaged[.locations, default: 0] += subtree.count
                continue
            }
            doomed.append((location.id, path, "not declared, and policy.prune includes locations", false))
            doomedIDs.insert(location.id)
        }
        for entry in doomed {
            // Skip what an ancestor's deletion already erases.
            if live.locationAncestors(of: entry.id).contains(where: doomedIDs.contains) { continue }
            guard steps.estate.locations[entry.id] != nil else { continue }
            let address = Address(.location, entry.path.joined(separator: "/"))
            if entry.protect {
                errors.append(.protected(address, why: "it is marked absent"))
                continue
            }
            change(address, .delete, reason: entry.reason, before: ["name": entry.path.last!])
            try steps.add(.deleteLocation(id: entry.id), for: address)
        }
    }

    /// Deepest first, one call per category: an absent category goes with everything below it; an
    /// undeclared one is pruned only when nothing below it is declared or ignored.
    private mutating func deleteKBCategories() throws(PlanError) {
        guard fetched.contains(.kbCategories) else { return }
        let estate = steps.estate
        let declared = Set(desired.kbCategories.filter { !$0.absent }.map(\.path))
        let path = { (id: Int) in estate.kbCategoryPath(of: id) }
        var doomed: [Int: String] = [:]
        for category in desired.kbCategories where category.absent {
            guard let id = try kbCategoryID(at: category.path) else { continue }
            let address = Address(.kbCategory, category.path.joined(separator: "/"))
            if category.protect {
                errors.append(.protected(address, why: "it is marked absent"))
                continue
            }
            let subtree = steps.kbCategoryPaths.subtree(of: id)
            if let kept = subtree.map(path).first(where: declared.contains) {
                errors.append(.ambiguous(address, why: "it is marked absent, but \"\(kept.joined(separator: "/"))\" below it is declared"))
                continue
            }
            // Each subcategory is deleted by its own call, but only because its parent is: never an ignored one.
            let ignored = subtree.map { Address(.kbCategory, path($0).joined(separator: "/")) }.filter { desired.policy.ignores($0.name) }.sorted()
            if !ignored.isEmpty {
                errors += ignored.map {
                    .erasedByCascade($0, by: address, why: "it matches policy.ignore \"\(desired.policy.ignorePattern(matching: $0.name)!)\"")
                }
                continue
            }
            for erased in subtree {
                doomed[erased] = erased == id ? desired.absentReason : "below \(address), which is deleted (\(desired.absentReason))"
            }
        }
        for category in estate.kbCategories.values where doomed[category.id] == nil && !declared.contains(path(category.id)) {
            let subtree = steps.kbCategoryPaths.subtree(of: category.id).map(path)
            let prunable =
                desired.policy.prune.contains(.kbCategories)
                && !subtree.contains {
                    declared.contains($0) || desired.policy.leavesAlone(Address(.kbCategory, $0.joined(separator: "/")))
                }
            if prunable {
                doomed[category.id] = "not declared, and policy.prune includes kb_categories"
            } else if live.kbCategories[category.id] != nil {
                unmanaged[.kbCategories, default: 0] += 1
            }
        }
        let deepestFirst = doomed.keys.map { (id: $0, path: path($0)) }
            .sorted { ($0.path.count, $1.path.joined(separator: "/")) > ($1.path.count, $0.path.joined(separator: "/")) }
        for entry in deepestFirst {
            let address = Address(.kbCategory, entry.path.joined(separator: "/"))
            change(address, .delete, reason: doomed[entry.id]!, before: ["name": entry.path.last!])
            try steps.add(.deleteKBCategory(id: entry.id), for: address)
        }
    }

    private mutating func pruneOrCount(_ kind: ObjectKind, _ addressKind: Address.Kind, id: Int, name: String) throws(PlanError) {
        guard desired.policy.prune.contains(kind), !desired.policy.leavesAlone(Address(addressKind, name)) else {
            unmanaged[kind, default: 0] += 1
            return
        }
        try delete(addressKind, id: id, name: name, protect: false, reason: "not declared, and policy.prune includes \(kind.rawValue)")
    }

    private mutating func delete(_ kind: Address.Kind, id: Int, name: String, protect: Bool, reason: String) throws(PlanError) {
        let address = Address(kind, name)
        if protect {
            errors.append(.protected(address, why: "it is marked absent"))
            return
        }
        change(address, .delete, reason: reason, before: ["name": name])
        switch kind {
        case .company:
            try steps.add(.deleteCompany(id: id), for: address)
        case .group:
            let group = live.groups[id]!
            if !group.members.isEmpty { consequence(address, "drops its \(group.members.count.counted("membership"))") }
            try steps.add(.deleteGroup(id: id), for: address)
        default:
            break
        }
    }
}
