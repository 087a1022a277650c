import Foundation

/// The one way deskform writes and reads its own files (saved plans, journals, the embedded instance's
/// state): Foundation's `Codable`, with every key written by hand in a `Type+Coding.swift` file, in
/// snake_case words of the domain, so that renaming a Swift property or case never changes a file.
/// Keys are sorted, so a file written twice is the same bytes.
package enum FileCoding {
    /// The encoder of every file; `pretty` for those a person may read (a saved plan, the state file),
    /// one line for a journal's.
    package static func encoder(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// The decoder of files of the current format versions.
    package static func decoder() -> JSONDecoder { JSONDecoder() }

    /// The decoder of files written up to release 0.1 (journal format 1, a state file without a version),
    /// whose encoding the compiler derived from the Swift names: it reads each
    /// key as its snake_case words (`externalID` as `external_id`, `createKBCategory` as
    /// `create_kb_category`), which are the keys of today's formats, and tells the types whose shape
    /// changed (``Swift/Decoder/readsRelease01``) to read the old one (`Type+Release01.swift`).
    package static func release01Decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .custom { path in FileKey(snakeCase: path.last?.stringValue ?? "") }
        decoder.userInfo[.release01] = true
        return decoder
    }
}

extension CodingUserInfoKey {
    /// Set by ``FileCoding/release01Decoder()``.
    static let release01 = CodingUserInfoKey(rawValue: "deskform.release-0.1")!
}

extension Decoder {
    /// Whether the file being read was written by release 0.1 or earlier (``FileCoding/release01Decoder()``).
    package var readsRelease01: Bool { userInfo[.release01] as? Bool == true }
}

/// A key of a file, written as a string literal where it is encoded and decoded.
package struct FileKey: CodingKey, Hashable, ExpressibleByStringLiteral, Sendable {
    package var stringValue: String
    package var intValue: Int? { nil }

    package init(stringValue: String) { self.stringValue = stringValue }
    package init?(intValue: Int) { nil }
    package init(stringLiteral value: String) { self.stringValue = value }

    /// `externalID` → `external_id`, `createKBCategory` → `create_kb_category`, `_0` → `_0`: a word begins at
    /// an upper-case letter after a lower-case one or a digit, and at the last of a run of capitals
    /// followed by a lower-case letter. A key without capitals (every key of today's formats) is unchanged.
    init(snakeCase key: String) {
        let characters = Array(key)
        var words = ""
        for (index, character) in characters.enumerated() {
            if character.isUppercase, index > 0 {
                let previous = characters[index - 1]
                let next = index + 1 < characters.count ? characters[index + 1] : nil
                if previous.isLowercase || previous.isNumber || (previous.isUppercase && next?.isLowercase == true) { words.append("_") }
            }
            words.append(contentsOf: character.lowercased())
        }
        self.stringValue = words
    }
}

extension KeyedDecodingContainer where Key == FileKey {
    /// The value at `key`, which must be there.
    package func callAsFunction<Value: Decodable>(_ key: FileKey) throws -> Value { try decode(Value.self, forKey: key) }

    /// The value at `key`, nil when it is absent.
    package func optional<Value: Decodable>(_ key: FileKey) throws -> Value? { try decodeIfPresent(Value.self, forKey: key) }

    /// Ids written as a list.
    package func ids(_ key: FileKey) throws -> Set<Int> { Set(try decode([Int].self, forKey: key)) }
}

extension KeyedEncodingContainer where Key == FileKey {
    /// Ids as a list in increasing order, so that a set is written the same way every time.
    package mutating func encode(ids: Set<Int>, forKey key: FileKey) throws { try encode(ids.sorted(), forKey: key) }
}

extension FileCoding {
    /// What is wrong with a file that does not decode, in a few words rather than a decoder's dump
    /// (`members is missing at companies.12`).
    package static func describe(_ error: any Error) -> String {
        func at(_ path: [any CodingKey]) -> String {
            path.isEmpty
                ? "the top" : path.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined().trimmingPrefix(".").description
        }
        switch error as? DecodingError {
        case .dataCorrupted(let context) where context.codingPath.isEmpty: return "it is not JSON"
        case .dataCorrupted(let context): return "a malformed value at \(at(context.codingPath))"
        case .keyNotFound(let key, let context): return "\(key.stringValue) is missing at \(at(context.codingPath))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context): return "a value of the wrong type at \(at(context.codingPath))"
        default: return "it cannot be decoded"
        }
    }
}
