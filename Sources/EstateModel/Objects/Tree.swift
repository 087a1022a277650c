/// A node of a tree the estate holds by id: a location, a KB category.
package protocol TreeNode: Equatable, Sendable, Codable {
    var id: Int { get }
    /// nil at the root.
    var parentID: Int? { get }
}

extension Location: TreeNode {}
extension KBCategory: TreeNode {}

/// The nodes of one tree by id, as a dictionary holds them, and the nodes below each: a subtree is found
/// by walking down from its top, not by scanning every node, so that deleting a node (which erases what
/// is below it) costs its subtree. Every change goes through the subscript, which keeps the children in
/// step. Equal, encoded and decoded as the dictionary alone.
package struct Tree<Node: TreeNode>: Equatable, Sendable, Codable, Collection, ExpressibleByDictionaryLiteral {
    package private(set) var nodes: [Int: Node]
    /// The ids of the nodes whose parent is each id (a parent not in the tree included).
    private var children: [Int: Set<Int>] = [:]

    package init(_ nodes: [Int: Node] = [:]) {
        self.nodes = nodes
        for node in nodes.values {
            if let parent = node.parentID { children[parent, default: []].insert(node.id) }
        }
    }

    package init(dictionaryLiteral elements: (Int, Node)...) {
        self.init(Dictionary(uniqueKeysWithValues: elements))
    }

    package init(from decoder: any Decoder) throws {
        self.init(try [Int: Node](from: decoder))
    }

    package func encode(to encoder: any Encoder) throws {
        try nodes.encode(to: encoder)
    }

    package static func == (left: Tree, right: Tree) -> Bool {
        left.nodes == right.nodes
    }

    package var startIndex: [Int: Node].Index { nodes.startIndex }
    package var endIndex: [Int: Node].Index { nodes.endIndex }
    package func index(after index: [Int: Node].Index) -> [Int: Node].Index { nodes.index(after: index) }
    package subscript(position: [Int: Node].Index) -> (key: Int, value: Node) { nodes[position] }

    package var keys: [Int: Node].Keys { nodes.keys }
    package var values: [Int: Node].Values { nodes.values }

    /// The node `id`; setting it (or nil, to remove it) moves it among its parent's children when its parent changed.
    package subscript(id: Int) -> Node? {
        get { nodes[id] }
        _modify {
            let before = nodes[id].map(\.parentID)
            yield &nodes[id]
            let after = nodes[id].map(\.parentID)
            if before != after { moved(id, from: before.flatMap { $0 }, to: after.flatMap { $0 }) }
        }
    }

    /// The node `id`, or `defaultValue` put in its place when there is none.
    package subscript(id: Int, default defaultValue: @autoclosure () -> Node) -> Node {
        get { nodes[id] ?? defaultValue() }
        _modify {
            if nodes[id] == nil { self[id] = defaultValue() }
            yield &self[id]!
        }
    }

    @discardableResult
    package mutating func removeValue(forKey id: Int) -> Node? {
        let removed = self[id]
        self[id] = nil
        return removed
    }

    package func mapValues<T>(_ transform: (Node) throws -> T) rethrows -> [Int: T] {
        try nodes.mapValues(transform)
    }

    package func filter(_ isIncluded: ((key: Int, value: Node)) throws -> Bool) rethrows -> Tree {
        Tree(try nodes.filter(isIncluded))
    }

    /// `id` and every node below it (a cycle ends the walk).
    package func subtree(of id: Int) -> Set<Int> {
        Estate.subtree(of: id, children: children)
    }

    /// The nodes whose parent is `id`.
    package func children(of id: Int) -> Set<Int> {
        children[id] ?? []
    }

    private mutating func moved(_ id: Int, from old: Int?, to new: Int?) {
        if let old {
            children[old]?.remove(id)
            if children[old]?.isEmpty == true { children[old] = nil }
        }
        if let new { children[new, default: []].insert(id) }
    }
}
