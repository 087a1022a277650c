import EstateModel

/// The parts of a plan whose shape release 0.1 took from the compiler (``FileCoding/release01Decoder()``
/// reads its keys as today's snake_case words; these read what differs beyond the keys).
extension Plan {
    /// The counts of unmanaged objects as a list of kind, count, kind, count… (a dictionary keyed by an enum).
    static func release01Unmanaged(_ fields: KeyedDecodingContainer<FileKey>) throws -> [ObjectKind: Int] {
        var list = try fields.nestedUnkeyedContainer(forKey: "unmanaged")
        var counts: [ObjectKind: Int] = [:]
        while !list.isAtEnd {
            let word = try list.decode(String.self)
            guard let kind = ObjectKind(word: word) else {
                throw DecodingError.dataCorruptedError(in: list, debugDescription: "\"\(word)\" is not a kind")
            }
            counts[kind] = try list.decode(Int.self)
        }
        return counts
    }
}

extension ProvisionalObject {
    /// `{"company": {"_0": 101}}`, `{"tree_option": {"field": 2, "hash": "…"}}`.
    init(release01 decoder: any Decoder) throws {
        let cases = try decoder.container(keyedBy: FileKey.self)
        let key = try cases.onlyKey(describing: "object a plan creates")
        let fields = try cases.nestedContainer(keyedBy: FileKey.self, forKey: key)
        switch key.stringValue {
        case "company": self = .company(try fields("_0"))
        case "group": self = .group(try fields("_0"))
        case "location": self = .location(try fields("_0"))
        case "kb_category": self = .kbCategory(try fields("_0"))
        case "tree_option": self = .treeOption(field: try fields("field"), hash: try fields("hash"))
        default: throw DecodingError.dataCorruptedError(forKey: key, in: cases, debugDescription: "a plan creates no \"\(key.stringValue)\"")
        }
    }
}
