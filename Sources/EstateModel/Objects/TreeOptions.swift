/// The options of a tree-type field, flat, in the order they were added, each knowing its parent; found
/// by hash, by key and by parent in one look-up, so that adding an option to a field of thousands (the
/// API checks its parent, its key and the hash it hands out) or erasing one with what is below it costs
/// that option, not the whole field. Equal, encoded and decoded as the list of options alone.
package struct TreeOptions: Equatable, Sendable, Codable, BidirectionalCollection, ExpressibleByArrayLiteral {
    /// The options in the order they were added; nil where one was erased, until they are packed again
    /// (when the holes outnumber the options).
    private var slots: [TreeOption?] = []
    package private(set) var count = 0
    /// The positions of the options with each hash, with each key and below each hash, in order.
    private var byHash: [String: [Int]] = [:]
    private var byKey: [String: [Int]] = [:]
    private var byParent: [String: Set<Int>] = [:]

    package init(_ options: some Sequence<TreeOption>) {
        for option in options { append(option) }
    }

    package init(arrayLiteral options: TreeOption...) {
        self.init(options)
    }

    package init(from decoder: any Decoder) throws {
        self.init(try [TreeOption](from: decoder))
    }

    package func encode(to encoder: any Encoder) throws {
        try Array(self).encode(to: encoder)
    }

    package static func == (left: TreeOptions, right: TreeOptions) -> Bool {
        left.count == right.count && left.elementsEqual(right)
    }

    package var startIndex: Int { slots.firstIndex { $0 != nil } ?? slots.endIndex }
    package var endIndex: Int { slots.endIndex }

    package func index(after position: Int) -> Int {
        slots[(position + 1)...].firstIndex { $0 != nil } ?? slots.endIndex
    }

    package func index(before position: Int) -> Int {
        slots[..<position].lastIndex { $0 != nil }!
    }

    /// The option at `position`; setting one with another hash, key or parent moves it in the look-ups.
    package subscript(position: Int) -> TreeOption {
        get { slots[position]! }
        set {
            unindex(position)
            slots[position] = newValue
            index(position)
        }
    }

    /// Where the first option with `hash` is.
    package func position(ofHash hash: String) -> Int? { byHash[hash]?.first }

    /// Where the first option with `key` is.
    package func position(ofKey key: String) -> Int? { byKey[key]?.first }

    /// Where every option with `key` is, in order.
    package func positions(ofKey key: String) -> [Int] { byKey[key] ?? [] }

    /// The names from the root option down to `hash` (a cycle ends the walk).
    package func path(ofHash hash: String) -> [String] {
        var names: [String] = []
        var current: String? = hash
        while let at = current, names.count <= count, let position = position(ofHash: at) {
            names.insert(self[position].name, at: 0)
            current = self[position].parentHash
        }
        return names
    }

    /// `hash` and the hashes of every option below it.
    package func subtree(of hash: String) -> Set<String> {
        var found: Set<String> = [hash]
        var frontier = [hash]
        while let next = frontier.popLast() {
            for position in byParent[next] ?? [] where found.insert(self[position].hash).inserted {
                frontier.append(self[position].hash)
            }
        }
        return found
    }

    package mutating func append(_ option: TreeOption) {
        slots.append(option)
        index(slots.count - 1)
    }

    /// Erases every option with one of `hashes`.
    package mutating func remove(hashes: Set<String>) {
        for hash in hashes {
            for position in byHash[hash] ?? [] {
                unindex(position)
                slots[position] = nil
            }
        }
        if slots.count > 64, slots.count - count > count { self = TreeOptions(Array(self)) }
    }

    private mutating func index(_ position: Int) {
        let option = slots[position]!
        byHash[option.hash, default: []].insertInOrder(position)
        byKey[option.key, default: []].insertInOrder(position)
        if let parent = option.parentHash { byParent[parent, default: []].insert(position) }
        count += 1
    }

    private mutating func unindex(_ position: Int) {
        guard let option = slots[position] else { return }
        byHash[option.hash]?.removeAll { $0 == position }
        if byHash[option.hash]?.isEmpty == true { byHash[option.hash] = nil }
        byKey[option.key]?.removeAll { $0 == position }
        if byKey[option.key]?.isEmpty == true { byKey[option.key] = nil }
        if let parent = option.parentHash {
            byParent[parent]?.remove(position)
            if byParent[parent]?.isEmpty == true { byParent[parent] = nil }
        }
        count -= 1
    }
}

extension [Int] {
    /// Inserts `position` where it keeps the list ascending (at the end, when positions come in order).
    fileprivate mutating func insertInOrder(_ position: Int) {
        if let last, last > position {
            insert(position, at: firstIndex { $0 > position }!)
        } else {
            append(position)
        }
    }
}
