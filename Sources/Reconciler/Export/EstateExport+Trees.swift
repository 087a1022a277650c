import EstateModel
import Manifest

extension EstateExport.Builder {
    /// A node of a live tree (locations, KB categories), by id.
    struct TreeNode {
        var id: Int
        var name: String
        var parentID: Int?
    }

    /// Walks a live tree from its roots, siblings by name. Siblings sharing a name (or with a name that
    /// cannot be written, or that holds the '/' paths are joined with) are skipped with their subtrees:
    /// a path names one node only. Nodes whose
    /// parent is missing are not reachable by path and are left alone.
    mutating func walk<Desired>(
        _ nodes: [TreeNode], what: String, build: (inout Self, TreeNode, [String], [Desired]) -> Desired
    ) -> [Desired] {
        var children: [Int?: [TreeNode]] = [:]
        for node in nodes { children[node.parentID, default: []].append(node) }
        var visited: Set<Int> = []
        func level(_ parent: Int?, _ path: [String], _ builder: inout Self) -> [Desired] {
            let siblings = children[parent] ?? []
            var byName: [String: [TreeNode]] = [:]
            for node in siblings { byName[node.name, default: []].append(node) }
            var result: [Desired] = []
            for name in byName.keys.sorted() {
                let named = byName[name]!.sorted { $0.id < $1.id }
                let shown = (path + [name]).joined(separator: "/")
                let ids = Self.list(named.map(\.id))
                guard NameRules.isWritableName(name) else {
                    builder.warnings.append(
                        "\(what) \(Self.quoted(shown)) (id\(named.count == 1 ? "" : "s") \(ids)) skipped with what is below it: the name cannot be written in a manifest"
                    )
                    continue
                }
                guard !name.contains("/") else {
                    let place = path.isEmpty ? "" : " in '\(path.joined(separator: "/"))'"
                    builder.warnings.append(
                        "\(what) \(Self.quoted(name))\(place) (id\(named.count == 1 ? "" : "s") \(ids)) skipped with what is below it: a name cannot contain '/', which joins the names of a path"
                    )
                    continue
                }
                guard named.count == 1, let node = named.first, visited.insert(node.id).inserted else {
                    builder.warnings.append(
                        "\(named.count) \(what)s are at '\(shown)' (ids \(ids)) skipped with what is below them: a path must name one \(what)"
                    )
                    continue
                }
                let below = level(node.id, path + [name], &builder)
                result.append(build(&builder, node, path + [name], below))
            }
            return result
        }
        return level(nil, [], &self)
    }

    mutating func locations() -> [DeclaredLocation] {
        let nodes = estate.locations.values.map { TreeNode(id: $0.id, name: $0.name, parentID: $0.parentID) }
        return walk(nodes, what: "location") { builder, node, path, children in
            let location = builder.estate.locations[node.id]!
            let object = "location '\(path.joined(separator: "/"))'"
            return DeclaredLocation(
                name: node.name, members: builder.relation(location.members, "members", of: object),
                observers: builder.relation(location.observers, "observers", of: object), children: children)
        }
    }

    mutating func kbCategories() -> [DeclaredKBCategory] {
        let nodes = estate.kbCategories.values.map { TreeNode(id: $0.id, name: $0.name, parentID: $0.parentID) }
        return walk(nodes, what: "KB category") { _, node, _, children in
            DeclaredKBCategory(name: node.name, children: children)
        }
    }
}
