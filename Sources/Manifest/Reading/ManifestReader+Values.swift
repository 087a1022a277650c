import Yams

extension ManifestReader {
    /// The object's name from its `key` (usually `name`): present, not blank, at most 255 characters,
    /// without control characters. `noun` is "company name", "location name", ….
    mutating func name(_ fields: Fields, key: String = "name", of mappingNode: Node, noun: String) -> Located<String>? {
        guard let node = fields[key] else {
            error(mappingNode, "\(noun) has no '\(key)'", hint: "add '\(key): …'")
            return nil
        }
        guard let name = text(node, key: key, in: noun) else { return nil }
        return checkName(name, what: "\(noun) name") ? name : nil
    }

    /// Checks a name-like text: not empty, not only whitespace, not too long, no control characters.
    /// Reports at the name's location and answers whether it is usable.
    mutating func checkName(_ name: Located<String>, what: String) -> Bool {
        let text = name.value
        switch NameRules.problem(text) {
        case .empty:
            error(at: name.position, "\(what) is empty")
            return false
        case .onlyWhitespace:
            error(at: name.position, "\(what) is only whitespace")
            return false
        case .control(let control):
            let code = String(control.value, radix: 16, uppercase: true)
            error(
                at: name.position,
                "\(what) contains a control character (U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code))",
                hint: "names are one line of printable text")
            return false
        case .tooLong(let length):
            error(at: name.position, "\(what) is \(length) characters long; the limit is \(ManifestFormat.maximumNameLength)")
            return false
        case nil:
            break
        }
        if text.first!.isWhitespace || text.last!.isWhitespace {
            diagnostics.append(
                .warning(
                    at: name.position, "\(what) '\(text)' starts or ends with whitespace",
                    hint: "the instance may trim it, and the plan would never settle"))
        }
        return true
    }

    /// The name of a location, KB category or tree option is one step of a path, and paths join names
    /// with '/' ("Madrid/Floor 2"): a name holding '/' is reported at the name and left out (nil).
    /// `hint` replaces the default one (declare the last part under the 'children' of the rest).
    mutating func pathStep(_ name: Located<String>, of kind: String, hint: String? = nil) -> Located<String>? {
        guard name.value.contains("/") else { return name }
        let steps = name.value.split(separator: "/")
        let split =
            steps.count > 1
            ? "declare '\(steps.last!)' in the 'children' of '\(steps.dropLast().joined(separator: "/"))', or choose a name without '/'"
            : "choose a name without '/'"
        error(at: name.position, "a \(kind) name cannot contain '/': paths join names with '/'", hint: hint ?? split)
        return nil
    }

    /// A list of users (`members`, `observers`): each a username, an email or an id, none twice.
    mutating func users(_ node: Node, key: String) -> [UserReference]? {
        guard let items = list(node, key: key, of: "users", example: "'\(key): [alice, bob@acme.example]'") else {
            return nil
        }
        var users: [UserReference] = []
        var seen: [String: SourceLocation] = [:]
        for item in items {
            guard case .scalar(let scalar) = item, !Self.isNull(scalar) else {
                error(
                    item, "a user in '\(key)' must be a username, an email or an id, not \(Self.describe(item))",
                    hint: Self.isNull(item) ? "remove the empty '-' item" : "write one user per item: '\(key): [alice, bob]'")
                continue
            }
            let here = location(item)
            let text = scalar.string
            guard checkName(Located(text, at: here), what: "user") else { continue }
            if text.contains(where: \.isWhitespace) {
                error(
                    item, "user '\(text)' in '\(key)' contains whitespace",
                    hint: "users are named by username, email or id; separate several with commas: '\(key): [alice, bob]'")
                continue
            }
            let user = UserReference(parsing: text, at: here)
            if case .email(let email) = user.key, !NameRules.looksLikeEmail(email) {
                error(
                    item, "'\(email)' in '\(key)' is not an email address",
                    hint: "write a username, or a full address like bob@acme.example")
                continue
            }
            if case .id(let id) = user.key, id <= 0 {
                error(item, "user id \(id) in '\(key)' must be positive")
                continue
            }
            if let first = seen[user.key.identity] {
                error(item, "user '\(text)' is listed twice in '\(key)'", hint: "first listed at \(first.reference(from: here))")
                continue
            }
            seen[user.key.identity] = here
            users.append(user)
        }
        return users
    }

    /// A list of names (`groups`, `previous_names`): each a valid name, none twice.
    mutating func names(_ node: Node, key: String, of noun: String, example: String) -> [Located<String>]? {
        guard let items = list(node, key: key, of: noun, example: example) else { return nil }
        var names: [Located<String>] = []
        var seen: [String: SourceLocation] = [:]
        for item in items {
            guard case .scalar(let scalar) = item, !Self.isNull(scalar) else {
                error(item, "an item of '\(key)' must be a name, not \(Self.describe(item))", hint: "write \(example)")
                continue
            }
            let name = Located(scalar.string, at: location(item))
            guard checkName(name, what: "name in '\(key)'") else { continue }
            if let first = seen[name.value] {
                error(item, "'\(name.value)' is listed twice in '\(key)'", hint: "first listed at \(first.reference(from: name.position))")
                continue
            }
            seen[name.value] = name.position
            names.append(name)
        }
        return names
    }

    /// Reports relation keys (and children) on an object marked `absent: true`, pointing at the
    /// tombstone, and `protect` together with `absent`.
    mutating func checkAbsent(_ fields: Fields, relations: [String], noun: String) {
        guard let absentNode = fields["absent"], case .scalar(let scalar) = absentNode,
            ["true", "True", "TRUE"].contains(scalar.string), scalar.style == .plain,
            let absentKey = fields.keys["absent"]
        else { return }
        for relation in relations {
            if let key = fields.keys[relation] {
                let tombstone = location(absentKey).reference(from: location(key))
                error(
                    key, "\(noun) is 'absent: true' but declares '\(relation)'",
                    hint: "declared absent at \(tombstone), so it is deleted: remove '\(relation)', or remove 'absent'")
            }
        }
        if let protect = fields["protect"], protect.scalar?.string.lowercased() == "true", let key = fields.keys["protect"] {
            error(
                key, "\(noun) is both 'absent: true' and 'protect: true'",
                hint: "protect forbids deleting it; remove one of them")
        }
    }
}
