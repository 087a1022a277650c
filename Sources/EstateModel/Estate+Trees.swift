extension Estate {
    /// The names from the root down to `id`, e.g. `["Madrid", "Floor 2"]`.
    package func locationPath(of id: Int) -> [String] {
        Self.path(of: id) { locations[$0].map { ($0.name, $0.parentID) } }
    }

    /// The names from the root down to `id`.
    package func kbCategoryPath(of id: Int) -> [String] {
        Self.path(of: id) { kbCategories[$0].map { ($0.name, $0.parentID) } }
    }

    /// The locations above `id`, its parent first.
    package func locationAncestors(of id: Int) -> [Int] {
        Self.ancestors(of: id) { locations[$0]?.parentID }
    }

    /// The KB categories above `id`, its parent first.
    package func kbCategoryAncestors(of id: Int) -> [Int] {
        Self.ancestors(of: id) { kbCategories[$0]?.parentID }
    }

    /// Parents of `id` up to the root; a cycle ends the walk.
    static func ancestors(of id: Int, parent: (Int) -> Int?) -> [Int] {
        var found: [Int] = []
        var seen: Set<Int> = [id]
        var current = parent(id)
        while let at = current, seen.insert(at).inserted {
            found.append(at)
            current = parent(at)
        }
        return found
    }

    /// `root` and every node below it, by the nodes below each node; a cycle ends the walk.
    package static func subtree<Node: Hashable, Children: Sequence<Node>>(of root: Node, children: [Node: Children]) -> Set<Node> {
        var found: Set<Node> = [root]
        var frontier = [root]
        while let next = frontier.popLast() {
            guard let below = children[next] else { continue }
            for child in below where found.insert(child).inserted { frontier.append(child) }
        }
        return found
    }

    static func path(of id: Int, node: (Int) -> (name: String, parent: Int?)?) -> [String] {
        var names: [String] = []
        var seen: Set<Int> = []
        var current: Int? = id
        while let at = current, seen.insert(at).inserted, let (name, parent) = node(at) {
            names.append(name)
            current = parent
        }
        return names.reversed()
    }
}
