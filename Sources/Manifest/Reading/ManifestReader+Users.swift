import EstateModel
import Yams

extension ManifestReader {
    /// One item of `users:`. `absent` and a password are errors (their hints are in `ManifestFormat.user`).
    mutating func user(_ node: Node) -> DeclaredUser? {
        guard let mapping = mapping(node, for: "a user", example: "'- username: oscar'") else { return nil }
        let fields = fields(mapping, as: ManifestFormat.user)
        guard let username = name(fields, key: "username", of: node, noun: "user"), userName(username, key: "username") else {
            return nil
        }
        var user = DeclaredUser(username: username.value, position: username.position)
        if let value = fields["email"], let email = text(value, key: "email", in: "a user"), checkName(email, what: "email") {
            if NameRules.looksLikeEmail(email.value) {
                user.email = email
            } else {
                error(value, "'\(email.value)' is not an email address", hint: "write a full address like oscar@acme.example")
            }
        }
        for key in ["name", "lastname"] {
            guard let value = fields[key], let text = text(value, key: key, in: "a user"), checkName(text, what: "user \(key)") else {
                continue
            }
            if key == "name" { user.name = text } else { user.lastname = text }
        }
        for attribute in UserAttribute.allCases {
            guard let value = fields[attribute.rawValue] else { continue }
            // An empty value clears the attribute; anything else is one line of text.
            if case .scalar(let scalar) = value, scalar.style != .plain, scalar.string.isEmpty {
                user.attributes[attribute] = Located("", at: location(value))
            } else if let text = text(value, key: attribute.rawValue, in: "a user"), checkName(text, what: attribute.rawValue) {
                user.attributes[attribute] = text
            }
        }
        if let value = fields["manager"] {
            user.manager = users(.sequence(Node.Sequence([value])), key: "manager")?.first
        }
        if let value = fields["disabled"] {
            user.disabled = Located(bool(value, key: "disabled", in: "a user"), at: location(value))
        }
        user.groups = fields["groups"].flatMap { names($0, key: "groups", of: "group names", example: "'groups: [Network]'") }
        user.companies = fields["companies"].flatMap {
            names($0, key: "companies", of: "company names", example: "'companies: [Acme Inc]'")
        }
        user.locations = fields["locations"].flatMap {
            names($0, key: "locations", of: "location paths", example: "'locations: [\"Madrid/Floor 2\"]'")
        }
        user.previousUsernames =
            fields["previous_usernames"].flatMap {
                names($0, key: "previous_usernames", of: "earlier usernames", example: "'previous_usernames: [oscar.o]'")?
                    .filter { userName($0, key: "previous_usernames") }
            } ?? []
        return user
    }

    /// A username is one word without '@' (an email names a user too, but is not a username).
    private mutating func userName(_ name: Located<String>, key: String) -> Bool {
        if name.value.contains(where: \.isWhitespace) {
            error(at: name.position, "'\(key)' '\(name.value)' contains whitespace", hint: "a username is one word")
            return false
        }
        if Int(name.value) != nil {
            error(
                at: name.position, "'\(key)' '\(name.value)' is a number",
                hint: "manifests read a number as a user id: choose a username with a letter in it")
            return false
        }
        return true
    }
}
