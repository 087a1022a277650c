import EstateModel

/// The nodes of a tree of an estate (its locations or its KB categories) by parent and name, so that
/// a path is found in as many look-ups as it has names instead of a scan of every node per name. Built
/// once per estate; ``StepList`` keeps the replay's in step, refreshing each node a step touches.
struct PathIndex: Equatable {
    private struct Place: Hashable {
        var parent: Int?
        var name: String
    }

    /// The nodes at each place (more than one: the path is ambiguous), each node's place, and the nodes
    /// below each node.
    private var nodes: [Place: [Int]] = [:]
    private var places: [Int: Place] = [:]
    private var children: [Int: Set<Int>] = [:]
    let kind: Address.Kind

    /// The locations of `estate`.
    static func locations(of estate: Estate) -> PathIndex {
        PathIndex(.location, estate.locations.values.map { ($0.id, $0.name, $0.parentID) })
    }

    /// The KB categories of `estate`.
    static func kbCategories(of estate: Estate) -> PathIndex {
        PathIndex(.kbCategory, estate.kbCategories.values.map { ($0.id, $0.name, $0.parentID) })
    }

    init(_ kind: Address.Kind, _ nodes: [(id: Int, name: String, parent: Int?)]) {
        self.kind = kind
        for node in nodes { insert(node.id, at: Place(parent: node.parent, name: node.name)) }
    }

    /// Re-reads the node `id` from the estate after a step: moved, renamed, created or erased (nil).
    mutating func refresh(_ id: Int, to node: (name: String, parent: Int?)?) {
        let place = node.map { Place(parent: $0.parent, name: $0.name) }
        guard places[id] != place else { return }
        if let old = places.removeValue(forKey: id) {
            nodes[old]?.removeAll { $0 == id }
            if nodes[old]?.isEmpty == true { nodes.removeValue(forKey: old) }
            if let parent = old.parent { children[parent]?.remove(id) }
        }
        if let place { insert(id, at: place) }
    }

    private mutating func insert(_ id: Int, at place: Place) {
        places[id] = place
        nodes[place, default: []].append(id)
        if let parent = place.parent { children[parent, default: []].insert(id) }
    }

    /// `id` and every node below it.
    func subtree(of id: Int) -> Set<Int> {
        Estate.subtree(of: id, children: children)
    }

    /// The node at `path`; nil when missing. Two nodes at one path (or at a path above it) are
    /// ambiguous: the plan fails naming them rather than guess.
    func node(at path: [String]) throws(PlanError) -> Int? {
        var parent: Int?
        for (depth, name) in path.enumerated() {
            let found = nodes[Place(parent: parent, name: name)] ?? []
            guard found.count <= 1 else {
                let at = path.prefix(depth + 1).joined(separator: "/")
                let ids = found.sorted().map(String.init).joined(separator: ", ")
                throw .ambiguous(
                    Address(kind, path.joined(separator: "/")), why: "\(found.count) live objects are at \"\(at)\" (ids \(ids))")
            }
            guard let node = found.first else { return nil }
            parent = node
        }
        return parent
    }
}
