import EstateModel
import Yams

extension DeclaredEstate {
    /// The estate as one manifest in format v1 (what `deskform export` writes): loading it again gives an
    /// equal estate, locations aside. Keys in format order; absent relations omitted, empty ones kept as
    /// `[]`; user and name lists in flow style. `comments` are written as `# ` lines after the schema comment.
    package func yaml(schemaComment: String? = nil, comments: [String] = []) -> String {
        var pairs: [(Node, Node)] = []
        func add(_ key: String, _ items: [Node]) {
            if !items.isEmpty { pairs.append((Node(key), Node(items))) }
        }
        add("companies", companies.map(ManifestEncoding.company))
        add("groups", groups.map(ManifestEncoding.group))
        add("locations", locations.map(ManifestEncoding.location))
        add("helpdesks", helpDesks.map(ManifestEncoding.helpDesk))
        add("kb_categories", kbCategories.map(ManifestEncoding.kbCategory))
        add("custom_fields", customFields.map(ManifestEncoding.customField))
        add("users", users.map(ManifestEncoding.account))
        if let policy = ManifestEncoding.policy(policy) { pairs.append((Node("policy"), policy)) }
        let header =
            (schemaComment.map { "# yaml-language-server: $schema=\($0)\n" } ?? "")
            + comments.map { "# \($0)\n" }.joined()
        if pairs.isEmpty { return header + "{}\n" }
        let body = (try? Yams.serialize(node: Node(pairs), indent: 2, width: -1, allowUnicode: true)) ?? ""
        return header + body
    }
}

/// Builds the YAML nodes of each desired value.
enum ManifestEncoding {
    /// A string that loads back as the same string: quoted when plain style would read as null, a
    /// boolean or a number, or would not survive as written.
    static func text(_ value: String) -> Node {
        let plainIsAmbiguous =
            [
                "", "~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE",
                "yes", "no", "on", "off", "Yes", "No", "On", "Off", "YES", "NO", "ON", "OFF",
            ].contains(value)
            || Int(value) != nil || Double(value) != nil
        return Node(value, .implicit, plainIsAmbiguous ? .singleQuoted : .any)
    }

    static func list(_ values: [String]) -> Node {
        Node(values.map(text), .implicit, .flow)
    }

    static func users(_ users: [UserReference]) -> Node {
        Node(users.map(user), .implicit, .flow)
    }

    /// A user reference: an id as a number, a username or email as text.
    static func user(_ user: UserReference) -> Node {
        if case .id(let id) = user.key { return Node(String(id)) }
        return text(user.key.description)
    }

    static func mapping(_ pairs: [(String, Node?)]) -> Node {
        Node(pairs.compactMap { key, value in value.map { (Node(key), $0) } })
    }

    static func flag(_ value: Bool) -> Node? { value ? Node("true") : nil }

    static func company(_ company: DeclaredCompany) -> Node {
        mapping([
            ("name", text(company.name)),
            ("external_id", company.externalID.map { text($0.value) }),
            ("previous_names", company.previousNames.isEmpty ? nil : list(company.previousNames.map(\.value))),
            ("groups", company.groups.map { list($0.map(\.value)) }),
            ("members", company.members.map(users)),
            ("observers", company.observers.map(users)),
            ("protect", flag(company.protect)),
            ("absent", flag(company.absent)),
        ])
    }

    static func group(_ group: DeclaredGroup) -> Node {
        mapping([
            ("name", text(group.name)),
            ("previous_names", group.previousNames.isEmpty ? nil : list(group.previousNames.map(\.value))),
            ("members", group.members.map(users)),
            ("observers", group.observers.map(users)),
            ("protect", flag(group.protect)),
            ("absent", flag(group.absent)),
        ])
    }

    static func location(_ location: DeclaredLocation) -> Node {
        mapping([
            ("name", text(location.name)),
            ("previous_names", location.previousNames.isEmpty ? nil : list(location.previousNames.map(\.value))),
            ("members", location.members.map(users)),
            ("observers", location.observers.map(users)),
            ("children", location.children.isEmpty ? nil : Node(location.children.map(Self.location))),
            ("protect", flag(location.protect)),
            ("absent", flag(location.absent)),
        ])
    }

    static func helpDesk(_ desk: DeclaredHelpDesk) -> Node {
        mapping([
            ("name", text(desk.name)),
            ("observers", desk.observers.map(users)),
            ("levels", desk.levels.isEmpty ? nil : Node(desk.levels.map(level))),
        ])
    }

    static func level(_ level: DeclaredLevel) -> Node {
        let selector: (String, Node?)
        switch level.selector {
        case .name(let name): selector = ("name", text(name))
        case .order(let order): selector = ("order", Node(String(order)))
        }
        return mapping([selector, ("observers", level.observers.map(users))])
    }

    static func kbCategory(_ category: DeclaredKBCategory) -> Node {
        mapping([
            ("name", text(category.name)),
            ("previous_names", category.previousNames.isEmpty ? nil : list(category.previousNames.map(\.value))),
            ("children", category.children.isEmpty ? nil : Node(category.children.map(kbCategory))),
            ("protect", flag(category.protect)),
            ("absent", flag(category.absent)),
        ])
    }

    static func customField(_ field: DeclaredCustomField) -> Node {
        mapping([
            ("field", text(field.field)),
            ("options", field.options.map { options in Node(options.map { (text($0.key), text($0.value)) }) }),
            ("tree", field.tree.map { Node($0.map(treeOption)) }),
        ])
    }

    static func treeOption(_ option: DeclaredTreeOption) -> Node {
        mapping([
            ("name", text(option.name)),
            ("key", option.key.map { text($0.value) }),
            ("children", option.children.isEmpty ? nil : Node(option.children.map(treeOption))),
        ])
    }

    static func policy(_ policy: Policy) -> Node? {
        if policy.prune.isEmpty, policy.ignore.isEmpty, policy.maxDeletes == nil, policy.inviteUsers == nil { return nil }
        return mapping([
            ("prune", policy.prune.isEmpty ? nil : list(policy.prune.map(\.value.rawValue))),
            ("ignore", policy.ignore.isEmpty ? nil : list(policy.ignore.map(\.value))),
            ("max_deletes", policy.maxDeletes.map { Node(String($0.value)) }),
            ("invite_users", policy.inviteUsers.map { Node($0.value ? "true" : "false") }),
        ])
    }

    static func account(_ user: DeclaredUser) -> Node {
        var pairs: [(String, Node?)] = [
            ("username", text(user.username)), ("email", user.email.map { text($0.value) }),
            ("name", user.name.map { text($0.value) }), ("lastname", user.lastname.map { text($0.value) }),
        ]
        pairs += UserAttribute.allCases.map { ($0.rawValue, user.attributes[$0].map { text($0.value) }) }
        pairs += [
            ("manager", user.manager.map(Self.user)),
            ("disabled", user.disabled.map { Node($0.value ? "true" : "false") }),
            ("groups", user.groups.map { list($0.map(\.value)) }),
            ("companies", user.companies.map { list($0.map(\.value)) }),
            ("locations", user.locations.map { list($0.map(\.value)) }),
            ("previous_usernames", user.previousUsernames.isEmpty ? nil : list(user.previousUsernames.map(\.value))),
        ]
        return mapping(pairs)
    }
}
