/// Operations as release 0.1 wrote them, in the shape the compiler derived from the Swift cases:
/// `{"createCompany": {"name": …, "externalID": …}}`, an unlabelled value under `_0`
/// (`{"addMembers": {"_0": {"company": {"_0": 12}}, "users": […]}}`). ``FileCoding/release01Decoder()``
/// reads the keys as snake_case words, so the case is today's `type` and its labels today's keys.
extension EstateOperation {
    init(release01 decoder: any Decoder) throws {
        let cases = try decoder.container(keyedBy: FileKey.self)
        let key = try cases.onlyKey(describing: "operation")
        guard let tag = Tag(rawValue: key.stringValue) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: cases, debugDescription: "\"\(key.stringValue)\" is not an operation of release 0.1")
        }
        try self.init(tag, fields: try cases.nestedContainer(keyedBy: FileKey.self, forKey: key), object: "_0")
    }
}

extension MembershipTarget {
    /// `{"company": {"_0": 12}}`.
    init(release01 decoder: any Decoder) throws {
        let cases = try decoder.container(keyedBy: FileKey.self)
        let key = try cases.onlyKey(describing: "object with members")
        guard let kind = Kind.allCases.first(where: { $0.word == key.stringValue }) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: cases, debugDescription: "\"\(key.stringValue)\" has no members")
        }
        self.init(kind, id: try cases.nestedContainer(keyedBy: FileKey.self, forKey: key)("_0"))
    }
}

extension ObservedEntity {
    /// `{"helpdesk": {"_0": 3}}`.
    init(release01 decoder: any Decoder) throws {
        let cases = try decoder.container(keyedBy: FileKey.self)
        let key = try cases.onlyKey(describing: "object with observers")
        guard let kind = Kind.allCases.first(where: { $0.word == key.stringValue }) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: cases, debugDescription: "\"\(key.stringValue)\" has no observers")
        }
        self.init(kind, id: try cases.nestedContainer(keyedBy: FileKey.self, forKey: key)("_0"))
    }
}

extension KeyedDecodingContainer where Key == FileKey {
    /// The one key of an enum case in the compiler's shape.
    package func onlyKey(describing what: String) throws -> FileKey {
        guard allKeys.count == 1, let key = allKeys.first else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: codingPath, debugDescription: "an \(what) has one key, not \(allKeys.count)"))
        }
        return key
    }
}
