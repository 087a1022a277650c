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
/// step. Equal, encoded and decoded as the dictionary alone. Inlinable, so that the modules that use it
/// run it specialised to its node type, not through its generic form.
package struct Tree<Node: TreeNode>: Equatable, Sendable, Codable, Collection, ExpressibleByDictionaryLiteral {
    @usableFromInline var storage: [Int: Node]
    /// The ids of the nodes whose parent is each id (a parent not in the tree included).
    @usableFromInline var children: [Int: Set<Int>] = [:]

    /// The nodes by id.
    @inlinable package var nodes: [Int: Node] { storage }

    @inlinable package init(_ nodes: [Int: Node] = [:]) {
        storage = nodes
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
        left.storage == right.storage
    }

    @inlinable package var startIndex: [Int: Node].Index { storage.startIndex }
    @inlinable package var endIndex: [Int: Node].Index { storage.endIndex }
    @inlinable package func index(after index: [Int: Node].Index) -> [Int: Node].Index { storage.index(after: index) }
    @inlinable package subscript(position: [Int: Node].Index) -> (key: Int, value: Node) { storage[position] }
    @inlinable package var count: Int { storage.count }

    @inlinable package var keys: [Int: Node].Keys { storage.keys }
    @inlinable package var values: [Int: Node].Values { storage.values }

    /// The node `id`; setting it (or nil, to remove it) moves it among its parent's children when its parent changed.
    @inlinable package subscript(id: Int) -> Node? {
        get { storage[id] }
        _modify {
            let before = storage[id].map { $0.parentID }
            yield &storage[id]
            let after = storage[id].map { $0.parentID }
            if before != after { moved(id, from: before.flatMap { $0 }, to: after.flatMap { $0 }) }
        }
    }

    /// The node `id`, or `defaultValue` put in its place when there is none.
    @inlinable package subscript(id: Int, default defaultValue: @autoclosure () -> Node) -> Node {
        get { storage[id] ?? defaultValue() }
        _modify {
            if storage[id] == nil { self[id] = defaultValue() }
            yield &self[id]!
        }
    }

    @inlinable @discardableResult
    package mutating func removeValue(forKey id: Int) -> Node? {
        let removed = self[id]
        self[id] = nil
        return removed
    }

    @inlinable package func mapValues<T>(_ transform: (Node) throws -> T) rethrows -> [Int: T] {
        try storage.mapValues(transform)
    }

    @inlinable package func filter(_ isIncluded: ((key: Int, value: Node)) throws -> Bool) rethrows -> Tree {
        Tree(try storage.filter(isIncluded))
    }

    /// `id` and every node below it (a cycle ends the walk).
    package func subtree(of id: Int) -> Set<Int> {
        Estate.subtree(of: id, children: children)
    }

    @usableFromInline mutating func moved(_ id: Int, from old: Int?, to new: Int?) {
        if let old {
            children[old]?.remove(id)
            if children[old]?.isEmpty == true { children[old] = nil }
        }
        if let new { children[new, default: []].insert(id) }
    }
}
