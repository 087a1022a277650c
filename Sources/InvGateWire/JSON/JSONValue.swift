import Foundation

/// A JSON document as the API sends it. Reading is lenient in the ways the real API needs:
/// ids as strings (`"category_id": "12"`), booleans as `1`/`"1"`, nulls where a field is unset,
/// PHP's `[]` for an empty dictionary. Objects keep their keys' order.
package enum JSONValue: Equatable, Hashable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])

    package static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)): a.elementsEqual(b) { $0.key == $1.key && $0.value == $1.value }
        default: false
        }
    }

    package func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let value): hasher.combine(value)
        case .number(let value): hasher.combine(value)
        case .string(let value): hasher.combine(value)
        case .array(let value): hasher.combine(value)
        case .object(let pairs):
            for pair in pairs {
                hasher.combine(pair.key)
                hasher.combine(pair.value)
            }
        }
    }

    package static func int(_ value: Int) -> JSONValue { .number(Double(value)) }
    package static func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
    package static func ids(_ values: some Sequence<Int>) -> JSONValue { .array(values.sorted().map(JSONValue.int)) }

    // MARK: Reading

    package subscript(key: String) -> JSONValue? {
        guard case .object(let pairs) = self else { return nil }
        return pairs.first { $0.key == key }?.value
    }

    /// An integer from a number or a numeric string.
    package var int: Int? {
        switch self {
        case .number(let value): value.rounded() == value && abs(value) < 1e18 ? Int(value) : nil
        case .string(let text): Int(text.trimmingCharacters(in: .whitespaces))
        default: nil
        }
    }

    /// A string from a string or a number.
    package var string: String? {
        switch self {
        case .string(let text): text
        case .number: int.map(String.init)
        default: nil
        }
    }

    /// A boolean from `true`/`false`, `1`/`0` or their strings.
    package var bool: Bool? {
        switch self {
        case .bool(let value): value
        case .number(let value): value != 0
        case .string(let text):
            switch text.lowercased() {
            case "1", "true": true
            case "0", "false", "": false
            default: nil
            }
        default: nil
        }
    }

    package var isNull: Bool { self == .null }

    /// The elements of an array; an empty object counts as an empty array.
    package var elements: [JSONValue]? {
        switch self {
        case .array(let values): values
        case .object(let pairs) where pairs.isEmpty: []
        default: nil
        }
    }

    /// The pairs of an object; PHP's empty array `[]` counts as an empty object.
    package var pairs: [(key: String, value: JSONValue)]? {
        switch self {
        case .object(let pairs): pairs
        case .array(let values) where values.isEmpty: []
        default: nil
        }
    }

    /// Integers from an array of numbers or numeric strings; nil when any element is not one.
    package var intArray: [Int]? {
        guard let elements else { return nil }
        let ints = elements.compactMap(\.int)
        return ints.count == elements.count ? ints : nil
    }
}

extension JSONValue {
    /// Parses a response body, keeping object keys in document order.
    package static func parse(_ data: some Sequence<UInt8>) throws -> JSONValue {
        try JSONParser.parse(Array(data))
    }

    /// Serialises compactly, keys in the order given.
    package func serialized() -> [UInt8] {
        var out: [UInt8] = []
        write(to: &out)
        return out
    }

    /// Serialises with two-space indentation, keys in the order given, for people and diffs.
    package func prettyPrinted(indent: Int = 0) -> String {
        let pad = String(repeating: "  ", count: indent + 1)
        let close = String(repeating: "  ", count: indent)
        switch self {
        case .array(let values) where !values.isEmpty:
            return "[\n" + values.map { pad + $0.prettyPrinted(indent: indent + 1) }.joined(separator: ",\n") + "\n\(close)]"
        case .object(let pairs) where !pairs.isEmpty:
            return "{\n"
                + pairs.map { pair in
                    pad + String(decoding: JSONValue.string(pair.key).serialized(), as: UTF8.self) + ": "
                        + pair.value.prettyPrinted(indent: indent + 1)
                }.joined(separator: ",\n") + "\n\(close)}"
        default:
            return String(decoding: serialized(), as: UTF8.self)
        }
    }

    private func write(to out: inout [UInt8]) {
        switch self {
        case .null: out += Array("null".utf8)
        case .bool(let value): out += Array((value ? "true" : "false").utf8)
        case .number(let value):
            if let int = Int(exactly: value) { out += Array(String(int).utf8) } else { out += Array("\(value)".utf8) }
        case .string(let text): Self.writeString(text, to: &out)
        case .array(let values):
            out.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                value.write(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let pairs):
            out.append(UInt8(ascii: "{"))
            for (index, pair) in pairs.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                Self.writeString(pair.key, to: &out)
                out.append(UInt8(ascii: ":"))
                pair.value.write(to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func writeString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case UInt8(ascii: "\n"): out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case UInt8(ascii: "\t"): out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20: out += Array(String(format: "\\u%04x", byte).utf8)
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
