/// An operation as plan files and journals hold it: an object whose `type` names the operation in
/// snake_case words (`create_company`), with the operation's fields beside it; an absent optional is
/// left out. `specs/plan-file.schema.json` (`$defs/operation`) describes each type.
extension EstateOperation: Codable {
    /// The `type` of each operation in a file. Adding an operation makes `encode(to:)` fail to compile
    /// until it has a tag here, and `init(from:)` until it reads it.
    package enum Tag: String, CaseIterable, Sendable {
        case createCompany = "create_company"
        case updateCompany = "update_company"
        case deleteCompany = "delete_company"
        case relateGroups = "relate_groups"
        case unrelateGroups = "unrelate_groups"
        case createGroup = "create_group"
        case deleteGroup = "delete_group"
        case createLocation = "create_location"
        case deleteLocation = "delete_location"
        case addMembers = "add_members"
        case removeMembers = "remove_members"
        case addObservers = "add_observers"
        case removeObservers = "remove_observers"
        case createKBCategory = "create_kb_category"
        case updateKBCategory = "update_kb_category"
        case deleteKBCategory = "delete_kb_category"
        case upsertListOptions = "upsert_list_options"
        case deleteListOptions = "delete_list_options"
        case addTreeOption = "add_tree_option"
        case updateTreeOption = "update_tree_option"
        case deleteTreeOption = "delete_tree_option"
        case createUser = "create_user"
        case updateUser = "update_user"
        case disableUser = "disable_user"
        case enableUser = "enable_user"
    }

    package init(from decoder: any Decoder) throws {
        if decoder.readsRelease01 {
            try self.init(release01: decoder)
            return
        }
        let fields = try decoder.container(keyedBy: FileKey.self)
        let word: String = try fields("type")
        guard let tag = Tag(rawValue: word) else {
            throw DecodingError.dataCorruptedError(
                forKey: "type", in: fields, debugDescription: "\"\(word)\" is not an operation this deskform knows")
        }
        try self.init(tag, fields: fields, object: "object")
    }

    /// The operation `tag` with the fields in `fields`; the object of members and observers at `object`.
    init(_ tag: Tag, fields: KeyedDecodingContainer<FileKey>, object: FileKey) throws {
        switch tag {
        case .createCompany: self = .createCompany(name: try fields("name"), externalID: try fields.optional("external_id"))
        case .updateCompany:
            self = .updateCompany(id: try fields("id"), name: try fields.optional("name"), externalID: try fields.optional("external_id"))
        case .deleteCompany: self = .deleteCompany(id: try fields("id"))
        case .relateGroups: self = .relateGroups(company: try fields("company"), groups: try fields("groups"))
        case .unrelateGroups:
            self = .unrelateGroups(company: try fields("company"), groups: try fields("groups"), unlinkUsers: try fields("unlink_users"))
        case .createGroup: self = .createGroup(name: try fields("name"))
        case .deleteGroup: self = .deleteGroup(id: try fields("id"))
        case .createLocation: self = .createLocation(name: try fields("name"), parentID: try fields.optional("parent_id"))
        case .deleteLocation: self = .deleteLocation(id: try fields("id"))
        case .addMembers: self = .addMembers(try fields(object), users: try fields("users"))
        case .removeMembers: self = .removeMembers(try fields(object), users: try fields("users"))
        case .addObservers: self = .addObservers(try fields(object), users: try fields("users"))
        case .removeObservers: self = .removeObservers(try fields(object), users: try fields("users"))
        case .createKBCategory: self = .createKBCategory(name: try fields("name"), parentID: try fields.optional("parent_id"))
        case .updateKBCategory:
            self = .updateKBCategory(id: try fields("id"), name: try fields.optional("name"), parentID: try fields.optional("parent_id"))
        case .deleteKBCategory: self = .deleteKBCategory(id: try fields("id"))
        case .upsertListOptions: self = .upsertListOptions(field: try fields("field"), options: try fields("options"))
        case .deleteListOptions: self = .deleteListOptions(field: try fields("field"), keys: try fields("keys"))
        case .addTreeOption:
            self = .addTreeOption(
                field: try fields("field"), name: try fields("name"), key: try fields.optional("key"), parentHash: try fields.optional("parent_hash"))
        case .updateTreeOption:
            self = .updateTreeOption(
                field: try fields("field"), hash: try fields("hash"), name: try fields.optional("name"), key: try fields.optional("key"))
        case .deleteTreeOption: self = .deleteTreeOption(field: try fields("field"), hash: try fields("hash"))
        case .createUser: self = .createUser(try fields("user"), invite: try fields("invite"))
        case .updateUser: self = .updateUser(id: try fields("id"), changes: try fields("changes"))
        case .disableUser: self = .disableUser(id: try fields("id"))
        case .enableUser: self = .enableUser(id: try fields("id"))
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: FileKey.self)
        func tag(_ tag: Tag) throws { try fields.encode(tag.rawValue, forKey: "type") }
        switch self {
        case .createCompany(let name, let externalID):
            try tag(.createCompany)
            try fields.encode(name, forKey: "name")
            try fields.encodeIfPresent(externalID, forKey: "external_id")
        case .updateCompany(let id, let name, let externalID):
            try tag(.updateCompany)
            try fields.encode(id, forKey: "id")
            try fields.encodeIfPresent(name, forKey: "name")
            try fields.encodeIfPresent(externalID, forKey: "external_id")
        case .deleteCompany(let id):
            try tag(.deleteCompany)
            try fields.encode(id, forKey: "id")
        case .relateGroups(let company, let groups):
            try tag(.relateGroups)
            try fields.encode(company, forKey: "company")
            try fields.encode(groups, forKey: "groups")
        case .unrelateGroups(let company, let groups, let unlinkUsers):
            try tag(.unrelateGroups)
            try fields.encode(company, forKey: "company")
            try fields.encode(groups, forKey: "groups")
            try fields.encode(unlinkUsers, forKey: "unlink_users")
        case .createGroup(let name):
            try tag(.createGroup)
            try fields.encode(name, forKey: "name")
        case .deleteGroup(let id):
            try tag(.deleteGroup)
            try fields.encode(id, forKey: "id")
        case .createLocation(let name, let parentID):
            try tag(.createLocation)
            try fields.encode(name, forKey: "name")
            try fields.encodeIfPresent(parentID, forKey: "parent_id")
        case .deleteLocation(let id):
            try tag(.deleteLocation)
            try fields.encode(id, forKey: "id")
        case .addMembers(let object, let users):
            try tag(.addMembers)
            try fields.encode(object, forKey: "object")
            try fields.encode(users, forKey: "users")
        case .removeMembers(let object, let users):
            try tag(.removeMembers)
            try fields.encode(object, forKey: "object")
            try fields.encode(users, forKey: "users")
        case .addObservers(let object, let users):
            try tag(.addObservers)
            try fields.encode(object, forKey: "object")
            try fields.encode(users, forKey: "users")
        case .removeObservers(let object, let users):
            try tag(.removeObservers)
            try fields.encode(object, forKey: "object")
            try fields.encode(users, forKey: "users")
        case .createKBCategory(let name, let parentID):
            try tag(.createKBCategory)
            try fields.encode(name, forKey: "name")
            try fields.encodeIfPresent(parentID, forKey: "parent_id")
        case .updateKBCategory(let id, let name, let parentID):
            try tag(.updateKBCategory)
            try fields.encode(id, forKey: "id")
            try fields.encodeIfPresent(name, forKey: "name")
            try fields.encodeIfPresent(parentID, forKey: "parent_id")
        case .deleteKBCategory(let id):
            try tag(.deleteKBCategory)
            try fields.encode(id, forKey: "id")
        case .upsertListOptions(let field, let options):
            try tag(.upsertListOptions)
            try fields.encode(field, forKey: "field")
            try fields.encode(options, forKey: "options")
        case .deleteListOptions(let field, let keys):
            try tag(.deleteListOptions)
            try fields.encode(field, forKey: "field")
            try fields.encode(keys, forKey: "keys")
        case .addTreeOption(let field, let name, let key, let parentHash):
            try tag(.addTreeOption)
            try fields.encode(field, forKey: "field")
            try fields.encode(name, forKey: "name")
            try fields.encodeIfPresent(key, forKey: "key")
            try fields.encodeIfPresent(parentHash, forKey: "parent_hash")
        case .updateTreeOption(let field, let hash, let name, let key):
            try tag(.updateTreeOption)
            try fields.encode(field, forKey: "field")
            try fields.encode(hash, forKey: "hash")
            try fields.encodeIfPresent(name, forKey: "name")
            try fields.encodeIfPresent(key, forKey: "key")
        case .deleteTreeOption(let field, let hash):
            try tag(.deleteTreeOption)
            try fields.encode(field, forKey: "field")
            try fields.encode(hash, forKey: "hash")
        case .createUser(let user, let invite):
            try tag(.createUser)
            try fields.encode(user, forKey: "user")
            try fields.encode(invite, forKey: "invite")
        case .updateUser(let id, let changes):
            try tag(.updateUser)
            try fields.encode(id, forKey: "id")
            try fields.encode(changes, forKey: "changes")
        case .disableUser(let id):
            try tag(.disableUser)
            try fields.encode(id, forKey: "id")
        case .enableUser(let id):
            try tag(.enableUser)
            try fields.encode(id, forKey: "id")
        }
    }
}

/// What has members, in a file: `{"kind": "company", "id": 12}`.
extension MembershipTarget: Codable {
    package init(from decoder: any Decoder) throws {
        if decoder.readsRelease01 {
            try self.init(release01: decoder)
            return
        }
        let fields = try decoder.container(keyedBy: FileKey.self)
        let word: String = try fields("kind")
        guard let kind = Kind.allCases.first(where: { $0.word == word }) else {
            throw DecodingError.dataCorruptedError(forKey: "kind", in: fields, debugDescription: "\"\(word)\" has no members")
        }
        self.init(kind, id: try fields("id"))
    }

    package func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: FileKey.self)
        try fields.encode(kind.word, forKey: "kind")
        try fields.encode(id, forKey: "id")
    }
}

extension MembershipTarget.Kind {
    /// The `kind` in a file (and in the compiler's shape of release 0.1).
    var word: String {
        switch self {
        case .company: "company"
        case .group: "group"
        case .location: "location"
        }
    }
}

/// What has observers, in a file: `{"kind": "helpdesk", "id": 3}`.
extension ObservedEntity: Codable {
    package init(from decoder: any Decoder) throws {
        if decoder.readsRelease01 {
            try self.init(release01: decoder)
            return
        }
        let fields = try decoder.container(keyedBy: FileKey.self)
        let word: String = try fields("kind")
        guard let kind = Kind.allCases.first(where: { $0.word == word }) else {
            throw DecodingError.dataCorruptedError(forKey: "kind", in: fields, debugDescription: "\"\(word)\" has no observers")
        }
        self.init(kind, id: try fields("id"))
    }

    package func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: FileKey.self)
        try fields.encode(kind.word, forKey: "kind")
        try fields.encode(id, forKey: "id")
    }
}

extension ObservedEntity.Kind {
    /// The `kind` in a file (and in the compiler's shape of release 0.1).
    var word: String {
        switch self {
        case .company: "company"
        case .group: "group"
        case .location: "location"
        case .helpdesk: "helpdesk"
        case .level: "level"
        }
    }
}

/// A new account in a file: `username`, `email`, `name`, `lastname`, the optional `attributes` by the API's
/// names and `manager_id`.
extension UserFields: Codable {
    package init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: FileKey.self)
        self.init(
            username: try fields("username"), email: try fields("email"), name: try fields("name"), lastname: try fields("lastname"),
            attributes: try fields.userAttributes("attributes"), managerID: try fields.optional("manager_id"))
    }

    package func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: FileKey.self)
        try fields.encode(username, forKey: "username")
        try fields.encode(email, forKey: "email")
        try fields.encode(name, forKey: "name")
        try fields.encode(lastname, forKey: "lastname")
        try fields.encode(userAttributes: attributes, forKey: "attributes")
        try fields.encodeIfPresent(managerID, forKey: "manager_id")
    }
}

/// A `user` PUT in a file: only the fields it changes (an attribute `""` clears it, `manager_id` 0 removes
/// the manager).
extension UserChanges: Codable {
    package init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: FileKey.self)
        self.init(
            username: try fields.optional("username"), email: try fields.optional("email"), name: try fields.optional("name"),
            lastname: try fields.optional("lastname"), attributes: try fields.userAttributes("attributes"),
            managerID: try fields.optional("manager_id"))
    }

    package func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: FileKey.self)
        try fields.encodeIfPresent(username, forKey: "username")
        try fields.encodeIfPresent(email, forKey: "email")
        try fields.encodeIfPresent(name, forKey: "name")
        try fields.encodeIfPresent(lastname, forKey: "lastname")
        try fields.encode(userAttributes: attributes, forKey: "attributes")
        try fields.encodeIfPresent(managerID, forKey: "manager_id")
    }
}

extension KeyedDecodingContainer where Key == FileKey {
    /// A user's attributes by their API names (`employee_number`), none when the key is absent.
    func userAttributes(_ key: FileKey) throws -> [UserAttribute: String] {
        let named: [String: String] = try optional(key) ?? [:]
        return Dictionary(uniqueKeysWithValues: named.compactMap { name, value in UserAttribute(rawValue: name).map { ($0, value) } })
    }
}

extension KeyedEncodingContainer where Key == FileKey {
    /// A user's attributes by their API names; left out when there are none.
    mutating func encode(userAttributes attributes: [UserAttribute: String], forKey key: FileKey) throws {
        guard !attributes.isEmpty else { return }
        try encode(Dictionary(uniqueKeysWithValues: attributes.map { ($0.key.rawValue, $0.value) }), forKey: key)
    }
}
