import EstateModel

/// A plan as saved plans and journals hold it, every key written here: `specs/plan-file.schema.json`
/// (`$defs/plan`) describes each. An absent optional is left out.
extension Plan: Codable {
    package init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: FileKey.self)
        changes = try fields("changes")
        steps = try fields("steps")
        unmanaged = decoder.readsRelease01 ? try Self.release01Unmanaged(fields) : try Self.unmanaged(fields)
        warnings = try fields("warnings")
        outcome = try fields("outcome")
        maxDeletes = try fields("max_deletes")
        protected = try fields("protected")
        ignore = try fields("ignore")
        targeting = try fields("targeting")
        pulledIn = try fields("pulled_in")
    }

    package func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: FileKey.self)
        try fields.encode(changes, forKey: "changes")
        try fields.encode(steps, forKey: "steps")
        var counts = fields.nestedContainer(keyedBy: FileKey.self, forKey: "unmanaged")
        for (kind, count) in unmanaged { try counts.encode(count, forKey: FileKey(stringValue: kind.word)) }
        try fields.encode(warnings, forKey: "warnings")
        try fields.encode(outcome, forKey: "outcome")
        try fields.encode(maxDeletes, forKey: "max_deletes")
        try fields.encode(protected, forKey: "protected")
        try fields.encode(ignore, forKey: "ignore")
        try fields.encode(targeting, forKey: "targeting")
        try fields.encode(pulledIn, forKey: "pulled_in")
    }

    /// `{"companies": 2, "kb_categories": 1}`.
    static func unmanaged(_ fields: KeyedDecodingContainer<FileKey>) throws -> [ObjectKind: Int] {
        let counts = try fields.nestedContainer(keyedBy: FileKey.self, forKey: "unmanaged")
        return Dictionary(
            uniqueKeysWithValues: try counts.allKeys.map { key in
                guard let kind = ObjectKind(word: key.stringValue) else {
                    throw DecodingError.dataCorruptedError(forKey: key, in: counts, debugDescription: "\"\(key.stringValue)\" is not a kind")
                }
                return (kind, try counts.decode(Int.self, forKey: key))
            })
    }
}

extension Change: Codable {
    package init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: FileKey.self)
        address = try fields("address")
        let word: String = try fields("action")
        switch word {
        case "create": action = .create
        case "update": action = .update
        case "delete": action = .delete
        case "replace": action = .replace
        default: throw DecodingError.dataCorruptedError(forKey: "action", in: fields, debugDescription: "\"\(word)\" is not an action")
        }
        before = try fields.optional("before")
        after = try fields.optional("after")
        reason = try fields("reason")
        relations = try fields("relations")
        consequences = try fields("consequences")
    }

    package func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: FileKey.self)
        try fields.encode(address, forKey: "address")
        try fields.encode(action.word, forKey: "action")
        try fields.encodeIfPresent(before, forKey: "before")
        try fields.encodeIfPresent(after, forKey: "after")
        try fields.encode(reason, forKey: "reason")
        try fields.encode(relations, forKey: "relations")
        try fields.encode(consequences, forKey: "consequences")
    }
}

extension Change.Action {
    /// The action in a file, as `plan --format json` names it.
    var word: String {
        switch self {
        case .create: "create"
        case .update: "update"
        case .delete: "delete"
        case .replace: "replace"
        }
    }
}

extension RelationChange: Codable {
    /// Plans and journals written before options changed in place have no `changed`: read as none.
    package init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: FileKey.self)
        relation = try fields("relation")
        added = try fields("added")
        removed = try fields("removed")
        changed = try fields.optional("changed") ?? []
    }

    package func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: FileKey.self)
        try fields.encode(relation, forKey: "relation")
        try fields.encode(added, forKey: "added")
        try fields.encode(removed, forKey: "removed")
        try fields.encode(changed, forKey: "changed")
    }
}

extension Step: Codable {
    package init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: FileKey.self)
        id = try fields("id")
        operation = try fields("operation")
        address = try fields("address")
        subject = try fields.optional("subject")
        dependsOn = try fields("depends_on")
        creates = try fields.optional("creates")
    }

    package func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: FileKey.self)
        try fields.encode(id, forKey: "id")
        try fields.encode(operation, forKey: "operation")
        try fields.encode(address, forKey: "address")
        try fields.encodeIfPresent(subject, forKey: "subject")
        try fields.encode(dependsOn, forKey: "depends_on")
        try fields.encodeIfPresent(creates, forKey: "creates")
    }
}

/// `{"kind": "company", "id": 101}`, `{"kind": "tree_option", "field": 2, "hash": "…"}`.
extension ProvisionalObject: Codable {
    package init(from decoder: any Decoder) throws {
        if decoder.readsRelease01 {
            try self.init(release01: decoder)
            return
        }
        let fields = try decoder.container(keyedBy: FileKey.self)
        let word: String = try fields("kind")
        switch word {
        case "company": self = .company(try fields("id"))
        case "group": self = .group(try fields("id"))
        case "location": self = .location(try fields("id"))
        case "kb_category": self = .kbCategory(try fields("id"))
        case "tree_option": self = .treeOption(field: try fields("field"), hash: try fields("hash"))
        case "user": self = .user(try fields("id"))
        default: throw DecodingError.dataCorruptedError(forKey: "kind", in: fields, debugDescription: "a plan creates no \"\(word)\"")
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: FileKey.self)
        switch self {
        case .company(let id):
            try fields.encode("company", forKey: "kind")
            try fields.encode(id, forKey: "id")
        case .group(let id):
            try fields.encode("group", forKey: "kind")
            try fields.encode(id, forKey: "id")
        case .location(let id):
            try fields.encode("location", forKey: "kind")
            try fields.encode(id, forKey: "id")
        case .kbCategory(let id):
            try fields.encode("kb_category", forKey: "kind")
            try fields.encode(id, forKey: "id")
        case .treeOption(let field, let hash):
            try fields.encode("tree_option", forKey: "kind")
            try fields.encode(field, forKey: "field")
            try fields.encode(hash, forKey: "hash")
        case .user(let id):
            try fields.encode("user", forKey: "kind")
            try fields.encode(id, forKey: "id")
        }
    }
}

extension Outcome: Codable {
    package init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: FileKey.self)
        created = try fields("created")
        changed = try fields("changed")
        destroyed = try fields("destroyed")
    }

    package func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: FileKey.self)
        try fields.encode(created, forKey: "created")
        try fields.encode(changed, forKey: "changed")
        try fields.encode(destroyed, forKey: "destroyed")
    }
}

extension Outcome.Entry: Codable {
    package init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: FileKey.self)
        address = try fields("address")
        step = try fields("step")
        cause = try fields("cause")
        cascade = try fields("cascade")
    }

    package func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: FileKey.self)
        try fields.encode(address, forKey: "address")
        try fields.encode(step, forKey: "step")
        try fields.encode(cause, forKey: "cause")
        try fields.encode(cascade, forKey: "cascade")
    }
}

extension LiveFingerprint: Codable {
    package init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: FileKey.self)
        objects = try fields("objects")
        names = try fields("names")
    }

    package func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: FileKey.self)
        try fields.encode(objects, forKey: "objects")
        try fields.encode(names, forKey: "names")
    }
}

/// Targets and excludes as `--target` and `--exclude` took them: `["company[\"Acme*\"]", "groups"]`.
extension Targeting: Codable {
    package init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: FileKey.self)
        targets = try fields("targets")
        excludes = try fields("excludes")
    }

    package func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: FileKey.self)
        try fields.encode(targets, forKey: "targets")
        try fields.encode(excludes, forKey: "excludes")
    }
}

/// A pattern as it was written (`group["Acme IT"]`), parsed again when read.
extension AddressPattern: Codable {
    package init(from decoder: any Decoder) throws {
        let text: String =
            decoder.readsRelease01
            ? try decoder.container(keyedBy: FileKey.self)("description") : try decoder.singleValueContainer().decode(String.self)
        do {
            try self.init(parsing: text)
        } catch {
            throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "\(error)"))
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var value = encoder.singleValueContainer()
        try value.encode(description)
    }
}

extension DesiredState.PulledIn: Codable {
    package init(_ address: Address, neededBy: Address) {
        self.address = address
        self.neededBy = neededBy
    }

    package init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: FileKey.self)
        self.init(try fields("address"), neededBy: try fields("needed_by"))
    }

    package func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: FileKey.self)
        try fields.encode(address, forKey: "address")
        try fields.encode(neededBy, forKey: "needed_by")
    }
}
