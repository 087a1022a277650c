/// Whether a live value can be written in a manifest and read back as itself: the rules the manifest
/// reader applies to names, keys and user references.
enum ManifestText {
    static let maximumLength = 255

    /// A name, key, option value or external id: not empty, not only whitespace, no control
    /// characters, at most 255 characters.
    static func isWritableName(_ text: String) -> Bool {
        !text.isEmpty && !text.allSatisfy(\.isWhitespace) && text.count <= maximumLength
            && !text.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }

    /// A user reference must also be free of whitespace.
    static func isWritableUser(_ text: String) -> Bool {
        isWritableName(text) && !text.contains(where: \.isWhitespace)
    }

    /// An email as the reader accepts it: exactly one `@` with text on both sides.
    static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty
    }
}
