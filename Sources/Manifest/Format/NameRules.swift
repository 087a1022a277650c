/// What the manifest format accepts as a name, key, option value, external id or user reference: the
/// reader reports a text that breaks a rule at its position; export leaves out what it could not write.
package enum NameRules {
    package enum Problem: Equatable {
        case empty, onlyWhitespace, tooLong(Int)
        case control(Unicode.Scalar)
    }

    /// The first rule `text` breaks, or nil: not empty, not only whitespace, no control characters,
    /// at most ``ManifestFormat/maximumNameLength`` characters.
    package static func problem(_ text: String) -> Problem? {
        if text.isEmpty { return .empty }
        if text.allSatisfy(\.isWhitespace) { return .onlyWhitespace }
        if let control = text.unicodeScalars.first(where: { $0.properties.generalCategory == .control }) { return .control(control) }
        if text.count > ManifestFormat.maximumNameLength { return .tooLong(text.count) }
        return nil
    }

    package static func isWritableName(_ text: String) -> Bool { problem(text) == nil }

    /// A user reference must also be free of whitespace.
    package static func isWritableUser(_ text: String) -> Bool {
        isWritableName(text) && !text.contains(where: \.isWhitespace)
    }

    /// An email as the reader accepts it: exactly one `@` with text on both sides.
    package static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty
    }
}
