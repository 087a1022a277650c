/// `application/x-www-form-urlencoded` as the API reads it: PHP-style arrays and dictionaries,
/// booleans as `1`/`0`, every byte outside the unreserved set percent-encoded as UTF-8.
package enum FormEncoding {
    /// `users[]=1&users[]=2&key_values[it]=IT&active=1`.
    package static func encode(_ parameters: FormParameters) -> String {
        var pairs: [String] = []
        for (name, value) in parameters.entries {
            let key = percentEncode(name)
            let open = "%5B"
            let close = "%5D"
            switch value {
            case .string(let text): pairs.append("\(key)=\(percentEncode(text))")
            case .integer(let number): pairs.append("\(key)=\(number)")
            case .boolean(let flag): pairs.append("\(key)=\(flag ? 1 : 0)")
            case .array(let items): pairs += items.map { "\(key)\(open)\(close)=\(percentEncode($0))" }
            case .dictionary(let entries):
                pairs += entries.map { "\(key)\(open)\(percentEncode($0.key))\(close)=\(percentEncode($0.value))" }
            }
        }
        return pairs.joined(separator: "&")
    }

    /// Percent-encodes everything but `A-Z a-z 0-9 - . _ ~`.
    package static func percentEncode(_ text: String) -> String {
        var encoded = ""
        encoded.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if isUnreserved(byte) {
                encoded.unicodeScalars.append(UnicodeScalar(byte))
            } else {
                encoded += "%"
                encoded.unicodeScalars.append(UnicodeScalar(hexDigits[Int(byte >> 4)]))
                encoded.unicodeScalars.append(UnicodeScalar(hexDigits[Int(byte & 0x0F)]))
            }
        }
        return encoded
    }

    /// Decodes `%XX` escapes and `+` (a space in form bodies). Malformed escapes are kept as they are.
    package static func percentDecode(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = Array(text.utf8)[...]
        while let byte = iterator.popFirst() {
            if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), iterator.count >= 2,
                let high = hexValue(iterator[iterator.startIndex]),
                let low = hexValue(iterator[iterator.startIndex + 1])
            {
                bytes.append(high << 4 | low)
                iterator.removeFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Splits `a=1&b[]=2` into decoded name/value pairs, in order.
    package static func decodePairs(_ text: String) -> [(name: String, value: String)] {
        text.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            guard let equals = pair.firstIndex(of: "=") else { return (percentDecode(pair), "") }
            return (percentDecode(pair[..<equals]), percentDecode(pair[pair.index(after: equals)...]))
        }
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            true
        default: false
        }
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
