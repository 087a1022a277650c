import EstateModel

extension Planner {
    /// The id of the KB category at `path` in the replay.
    func kbCategoryID(at path: [String]) throws(PlanError) -> Int? {
        try steps.kbCategoryPaths.node(at: path)
    }

    /// KB categories, parents first: a category found at one of its previous paths is renamed and/or
    /// moved in place with PUT; others are created.
    mutating func planKBCategories() throws(PlanError) {
        for category in desired.kbCategories where !category.absent {
            let address = Address(.kbCategory, category.path.joined(separator: "/"))
            if try kbCategoryID(at: category.path) != nil { continue }
            let parentPath = Array(category.path.dropLast())
            let parent = parentPath.isEmpty ? nil : try kbCategoryID(at: parentPath)
            let name = category.path.last!
            var renamed = false
            for previousPath in category.previousPaths {
                guard let id = try kbCategoryID(previouslyAt: previousPath) else { continue }
                let current = steps.estate.kbCategoryPath(of: id)
                let moving = Array(current.dropLast()) != parentPath
                change(
                    address, .update,
                    reason: moving ? "moved from \"\(previousPath.joined(separator: "/"))\"" : "renamed from \"\(previousPath.last!)\"",
                    before: attributes(name: current.last!, parent: Array(current.dropLast())),
                    after: attributes(name: name, parent: parentPath))
                try steps.add(
                    .updateKBCategory(id: id, name: current.last! == name ? nil : name, parentID: moving ? (parent ?? 0) : nil),
                    for: address)
                renamed = true
                break
            }
            if renamed { continue }
            change(address, .create, reason: "not in the instance", after: attributes(name: name, parent: parentPath))
            try steps.add(.createKBCategory(name: name, parentID: parent), for: address)
        }
    }

    /// The category a previous path names, unless a declared category holds its place: the one at that
    /// path in the replay, or else the one the instance held there before this plan renamed or moved
    /// one of its ancestors.
    private func kbCategoryID(previouslyAt path: [String]) throws(PlanError) -> Int? {
        if let id = try kbCategoryID(at: path) { return isDeclaredElsewhere(path) ? nil : id }
        guard let id = try liveKBCategoryPaths.node(at: path), steps.estate.kbCategories[id] != nil,
            !isDeclaredElsewhere(steps.estate.kbCategoryPath(of: id))
        else { return nil }
        return id
    }

    /// Whether a previous path is itself declared (then it is not a rename of this one).
    private func isDeclaredElsewhere(_ path: [String]) -> Bool {
        declaredKBCategoryPaths.contains(path)
    }
}
