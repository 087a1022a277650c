import EstateModel

/// An address as `--target` and `--exclude` take it: one the plan prints (`group["Acme IT"]`), with `*`,
/// `?` and `[…]` globs inside the quotes (`company["Acme*"]`), or a kind alone (`groups`).
package struct AddressPattern: Equatable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The address kinds it matches.
    package var kinds: Set<Address.Kind>
    /// The glob its names must match; nil for a kind alone.
    package var glob: String?
    /// As it was written.
    package var description: String

    /// Parses `text`; an error says what is wrong and shows the forms that work.
    package init(parsing text: String) throws(AddressPatternError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let kind = ObjectKind(rawValue: trimmed) {
            self.kinds = kind.descriptor.addressKinds
            self.glob = nil
            self.description = trimmed
            return
        }
        guard let open = trimmed.firstIndex(of: "["), trimmed.hasSuffix("\"]"),
            trimmed[trimmed.index(after: open)...].hasPrefix("\""), trimmed.count >= open.utf16Offset(in: trimmed) + 4
        else { throw AddressPatternError(text: text, reason: "it is neither a kind nor an address like group[\"Acme IT\"]") }
        let kindName = String(trimmed[..<open])
        guard let kind = Address.Kind(rawValue: kindName) else {
            let known = Address.Kind.allCases.map(\.rawValue).joined(separator: ", ")
            throw AddressPatternError(text: text, reason: "\"\(kindName)\" is not a kind of address (one of \(known))")
        }
        let inner = trimmed[trimmed.index(open, offsetBy: 2)..<trimmed.index(trimmed.endIndex, offsetBy: -2)]
        let name = inner.replacingOccurrences(of: "\\\"", with: "\"")
        // A name with an unpaired `[` (`Team [EU`), copied from a plan, is taken as it is written.
        if let problem = GlobPattern.problem(in: name), !name.contains("[") {
            throw AddressPatternError(text: text, reason: "its name is not a valid glob: \(problem)")
        }
        self.kinds = [kind]
        self.glob = name
        self.description = trimmed
    }

    /// Whether `address` is one this pattern names. An option's address, as plans print it
    /// (`option["Office/Europe"]`), names its field too: options are planned with their field, as one
    /// list or tree.
    package func matches(_ address: Address) -> Bool {
        if address.kind == .customField, kinds == [.option], let glob {
            return glob.hasPrefix(address.name + "/")
        }
        guard kinds.contains(address.kind) else { return false }
        guard let glob else { return true }
        // An address copied from a plan names its object even when the name holds glob characters (`Team [EU]`).
        return address.name == Self.unescaped(glob) || (GlobPattern.problem(in: glob) == nil && GlobPattern(glob).matches(address.name))
    }

    /// The name as the plan wrote it, read literally: `\\` is one backslash.
    static func unescaped(_ quoted: String) -> String {
        var name = ""
        var escaping = false
        for character in quoted {
            if escaping || character != "\\" {
                name.append(character)
                escaping = false
            } else {
                escaping = true
            }
        }
        return name
    }

    /// The object kinds (as the manifests and `policy.prune` name them) of what it can match.
    package var objectKinds: Set<ObjectKind> { Set(kinds.map(ObjectKind.init)) }
}

/// A `--target` or `--exclude` that cannot be read as an address.
package struct AddressPatternError: Error, Equatable, Sendable, CustomStringConvertible {
    package var text: String
    package var reason: String

    package var description: String {
        "'\(text)' is not an address: \(reason); write a kind (groups) or an address as the plan prints it, with * and ? inside the quotes (company[\"Acme*\"])"
    }
}
