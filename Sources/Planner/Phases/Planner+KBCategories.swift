import EstateModel

extension Planner {
    /// The id of the KB category at `path` in the replay.
    func kbCategoryID(at path: [String]) throws(PlanError) -> Int? {
        try Self.node(at: path, in: steps.estate.kbCategories.values.map { ($0.id, $0.name, $0.parentID) }, kind: .kbCategory)
    }

    /// KB categories, parents first: a category found under one of its `previous_names` is renamed
    /// (and moved, when a previous name is a path `Old/Name`) in place with PUT; others are created.
    mutating func planKBCategories() throws(PlanError) {
        for category in desired.kbCategories where !category.absent {
            let address = Address(.kbCategory, category.path.joined(separator: "/"))
            if try kbCategoryID(at: category.path) != nil { continue }
            let parentPath = Array(category.path.dropLast())
            let parent = parentPath.isEmpty ? nil : try kbCategoryID(at: parentPath)
            let name = category.path.last!
            var renamed = false
            for previous in category.previousNames {
                let previousPath = previous.contains("/") ? previous.split(separator: "/").map(String.init) : parentPath + [previous]
                guard let id = try kbCategoryID(at: previousPath), isDeclaredElsewhere(previousPath) == false else { continue }
                let moving = Array(previousPath.dropLast()) != parentPath
                change(
                    address, .update, reason: moving ? "moved from \"\(previous)\"" : "renamed from \"\(previous)\"",
                    before: attributes(name: previousPath.last!, parent: Array(previousPath.dropLast())),
                    after: attributes(name: name, parent: parentPath))
                try steps.add(
                    .updateKBCategory(
                        id: id, name: previousPath.last! == name ? nil : name, parentID: moving ? (parent ?? 0) : nil), for: address)
                renamed = true
                break
            }
            if renamed { continue }
            change(address, .create, reason: "not in the instance", after: attributes(name: name, parent: parentPath))
            try steps.add(.createKBCategory(name: name, parentID: parent), for: address)
        }
    }

    /// Whether a previous path is itself declared (then it is not a rename of this one).
    private func isDeclaredElsewhere(_ path: [String]) -> Bool {
        desired.kbCategories.contains { $0.path == path && !$0.absent }
    }
}
