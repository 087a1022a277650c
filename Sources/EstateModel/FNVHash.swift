/// FNV-1a, 64 bits: a fast, stable hash of text, for option hashes that replays reproduce and for
/// fingerprints that notice a change. Not a security boundary.
package enum FNVHash {
    package static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325

    package static func of(_ text: String, seed: UInt64 = offsetBasis) -> UInt64 {
        var hash = seed
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return hash
    }

    /// `of(text, seed:)` as 16 hex digits.
    package static func hex(_ text: String, seed: UInt64 = offsetBasis) -> String {
        let hex = String(of(text, seed: seed), radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

extension Estate {
    /// A 32-hex-digit option hash, stable for a field and serial so that replays are reproducible.
    package static func optionHash(field: Int, serial: Int) -> String {
        FNVHash.hex("\(field):\(serial)") + FNVHash.hex("\(field):\(serial)", seed: 0x8422_2325_cbf2_9ce4)
    }
}
