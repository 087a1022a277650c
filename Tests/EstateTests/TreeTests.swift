import EstateModel
import Testing

@Suite("Tree: the nodes by id and the children of each, kept in step")
struct TreeTests {
    let tree: Tree<Location> = [
        1: Location(id: 1, name: "Madrid"),
        2: Location(id: 2, name: "Floor 1", parentID: 1),
        3: Location(id: 3, name: "Desk", parentID: 2),
        4: Location(id: 4, name: "Lisbon"),
    ]

    @Test("a subtree is its top and everything below it, walked down from the top")
    func subtree() {
        #expect(tree.subtree(of: 1) == [1, 2, 3])
        #expect(tree.subtree(of: 2) == [2, 3])
        #expect(tree.subtree(of: 4) == [4])
    }

    @Test("a node moved, added or removed through the subscript moves in its parents' children")
    func keptInStep() {
        var tree = tree
        tree[2]?.parentID = 4
        #expect(tree.subtree(of: 1) == [1])
        #expect(tree.subtree(of: 4) == [4, 2, 3])
        tree[5, default: Location(id: 5, name: "Floor 2", parentID: 1)].members.insert(7)
        #expect(tree[5]?.members == [7])
        #expect(tree.subtree(of: 1) == [1, 5])
        tree.removeValue(forKey: 3)
        #expect(tree.subtree(of: 4) == [4, 2])
        #expect(tree.count == 4)
        // Equal by the nodes alone: built afresh from them, the children agree.
        #expect(Tree(tree.nodes) == tree)
        #expect(Tree(tree.nodes).subtree(of: 4) == [4, 2])
    }
}

@Suite("TreeOptions: found by hash, key and parent; an erased option leaves a hole, packed later")
struct TreeOptionsTests {
    static func options(_ count: Int) -> TreeOptions {
        // Option i is below option i / 10 (the first ten are roots).
        TreeOptions((0..<count).map { TreeOption(hash: "h\($0)", key: "k\($0)", name: "n\($0)", parentHash: $0 < 10 ? nil : "h\($0 / 10)") })
    }

    @Test("erasing a subtree leaves the others in order, found by hash and key; the holes are packed once they outnumber the options")
    func eraseAndPack() {
        var options = Self.options(200)
        #expect(options.subtree(of: "h1") == Set(["h1"] + (10...19).map { "h\($0)" } + (100...199).map { "h\($0)" }))
        options.remove(hashes: options.subtree(of: "h1"))
        #expect(options.count == 89)
        #expect(options.map(\.hash) == ["h0"] + (2...9).map { "h\($0)" } + (20...99).map { "h\($0)" })
        #expect(options.position(ofHash: "h150") == nil)
        #expect(options[options.position(ofKey: "k42")!].name == "n42")
        // More holes than options: packed, the positions renumbered, the look-ups still right.
        options.remove(hashes: Set((20...99).map { "h\($0)" }))
        #expect(options.count == 9)
        #expect(options.position(ofHash: "h9") == 8)
        #expect(options.path(ofHash: "h9") == ["n9"])
        #expect(options == TreeOptions(options))
        options.append(TreeOption(hash: "new", key: "k9", name: "again", parentHash: "h9"))
        #expect(options.positions(ofKey: "k9") == [8, 9])
        #expect(options.path(ofHash: "new") == ["n9", "again"])
    }
}
