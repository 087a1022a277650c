/// A response that does not have the shape the reference describes.
package struct RecordDecodingError: Error, Equatable, Sendable, CustomStringConvertible {
    package var record: String
    package var field: String
    package var found: String

    package init(record: String, field: String, found: JSONValue?) {
        self.record = record
        self.field = field
        self.found = found.map { "\($0.shapeName) \(String(decoding: $0.serialized().prefix(120), as: UTF8.self))" } ?? "nothing"
    }

    package var description: String { "\(record): expected \(field), found \(found)" }
}

/// A JSON object read field by field, with errors that name the record and the field.
struct RecordReader {
    let record: String
    let json: JSONValue

    init(_ record: String, _ json: JSONValue) throws(RecordDecodingError) {
        guard json.pairs != nil else { throw RecordDecodingError(record: record, field: "an object", found: json) }
        self.record = record
        self.json = json
    }

    func int(_ key: String) throws(RecordDecodingError) -> Int {
        guard let value = json[key]?.int else { throw RecordDecodingError(record: record, field: key, found: json[key]) }
        return value
    }

    func optionalInt(_ key: String) -> Int? { json[key]?.int }

    func string(_ key: String) throws(RecordDecodingError) -> String {
        guard let value = json[key]?.string else {
            throw RecordDecodingError(record: record, field: key, found: json[key])
        }
        return value
    }

    func optionalString(_ key: String) -> String? { json[key]?.string }

    func bool(_ key: String) -> Bool { json[key]?.bool ?? false }

    /// Ids from an array, or from the keys of an id → anything map; absent or null is empty.
    func ids(_ key: String) throws(RecordDecodingError) -> [Int] {
        guard let value = json[key], !value.isNull else { return [] }
        if let ints = value.intArray { return ints }
        if let pairs = value.pairs {
            let ints = pairs.compactMap { Int($0.key) }
            if ints.count == pairs.count { return ints }
        }
        throw RecordDecodingError(record: record, field: "\(key) (ids)", found: value)
    }
}

extension Array {
    /// Decodes a list of records in any of the shapes the API answers one in: a JSON array, an
    /// object keyed by id (or by hash, for tree options) whose values are the records, or a single
    /// record where a list was expected (`helpdesks?id=`, an observer write for one user). A keyed
    /// record that does not carry its own key gets it as `keyField`.
    package static func decode(
        _ json: JSONValue, record: String, keyField: String = "id",
        _ element: (JSONValue) throws(RecordDecodingError) -> Element
    ) throws(RecordDecodingError) -> [Element] {
        var decoded: [Element] = []
        switch json.listShape {
        case .list(let elements):
            decoded.reserveCapacity(elements.count)
            for item in elements { decoded.append(try element(item)) }
        case .keyed(let pairs):
            decoded.reserveCapacity(pairs.count)
            for (key, value) in pairs {
                decoded.append(try element(value[keyField] == nil ? value.adding(keyField, .string(key)) : value))
            }
        case .single(let object):
            decoded.append(try element(object))
        case nil:
            throw RecordDecodingError(record: record, field: "a list", found: json)
        }
        return decoded
    }
}
