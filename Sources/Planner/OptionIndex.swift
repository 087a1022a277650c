import EstateModel

/// The custom field options of an estate by field and key (list) or hash (tree), built once, so that
/// finding one, or a tree option's path, takes a look-up per level instead of a scan of the field's
/// options. Where two options share a key or hash, the first (as the field lists them) is found, as a
/// scan from the start would.
struct OptionIndex {
    private var list: [Int: [String: ListOption]] = [:]
    private var tree: [Int: [String: TreeOption]] = [:]

    init(_ estate: Estate) {
        for (uid, field) in estate.customFields {
            list[uid] = Dictionary(field.listOptions.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
            tree[uid] = Dictionary(field.treeOptions.map { ($0.hash, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    func listOption(field uid: Int, key: String) -> ListOption? { list[uid]?[key] }

    func treeOption(field uid: Int, hash: String) -> TreeOption? { tree[uid]?[hash] }
}
