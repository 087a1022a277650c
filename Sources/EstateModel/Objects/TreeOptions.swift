/// The options of a tree-type field, flat, in the order they were added, each knowing its parent; found
/// by hash and by key in one look-up, so that adding an option to a field of thousands (the API checks
/// its parent, its key and the hash it hands out) does not scan them all. Equal, encoded and decoded as
/// the list of options alone.
package struct TreeOptions: Equatable, Sendable, Codable, RandomAccessCollection, ExpressibleByArrayLiteral {
    private var options: [TreeOption]
    /// The position of the first option with each hash and with each key.
    private var byHash: [String: Int] = [:]
    private var byKey: [String: Int] = [:]

    package init(_ options: some Sequence<TreeOption>) {
        self.options = Array(options)
        index(from: 0)
    }

    package init(arrayLiteral options: TreeOption...) {
        self.init(options)
    }

    package init(from decoder: any Decoder) throws {
        self.init(try [TreeOption](from: decoder))
    }

    package func encode(to encoder: any Encoder) throws {
        try options.encode(to: encoder)
    }

    package static func == (left: TreeOptions, right: TreeOptions) -> Bool {
        left.options == right.options
    }

    package var startIndex: Int { options.startIndex }
    package var endIndex: Int { options.endIndex }

    /// The option at `position`; setting one with another hash or key re-indexes them all.
    package subscript(position: Int) -> TreeOption {
        get { options[position] }
        set {
            let old = options[position]
            options[position] = newValue
            if old.hash != newValue.hash || old.key != newValue.key { reindex() }
        }
    }

    /// Where the first option with `hash` is.
    package func position(ofHash hash: String) -> Int? { byHash[hash] }

    /// Where the first option with `key` is.
    package func position(ofKey key: String) -> Int? { byKey[key] }

    /// The names from the root option down to `hash` (a cycle ends the walk).
    package func path(ofHash hash: String) -> [String] {
        var names: [String] = []
        var current: String? = hash
        while let at = current, names.count <= options.count, let position = byHash[at] {
            names.insert(options[position].name, at: 0)
            current = options[position].parentHash
        }
        return names
    }

    package mutating func append(_ option: TreeOption) {
        options.append(option)
        index(from: options.count - 1)
    }

    package mutating func removeAll(where erased: (TreeOption) throws -> Bool) rethrows {
        try options.removeAll(where: erased)
        reindex()
    }

    private mutating func reindex() {
        byHash = [:]
        byKey = [:]
        index(from: 0)
    }

    private mutating func index(from start: Int) {
        for position in start..<options.count {
            let option = options[position]
            if byHash[option.hash] == nil { byHash[option.hash] = position }
            if byKey[option.key] == nil { byKey[option.key] = position }
        }
    }
}
