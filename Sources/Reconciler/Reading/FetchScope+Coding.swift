import EstateModel

/// What a saved plan read, as its file holds it: the kinds read (as `policy.prune` names them), and the
/// custom fields by label or uid (`*` for all), each sorted.
extension FetchScope: Codable {
    package init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: FileKey.self)
        let words: [String] = try fields("kinds")
        let kinds = try words.map { word in
            guard let kind = ObjectKind(word: word) else {
                throw DecodingError.dataCorruptedError(forKey: "kinds", in: fields, debugDescription: "\"\(word)\" is not a kind")
            }
            return kind
        }
        self.init(Set(kinds), fields: Set(try fields("custom_fields") as [String]))
    }

    package func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: FileKey.self)
        try fields.encode(kinds.sorted().map(\.word), forKey: "kinds")
        try fields.encode(self.fields.sorted(), forKey: "custom_fields")
    }
}
