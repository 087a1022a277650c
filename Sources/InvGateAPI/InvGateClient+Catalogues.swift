import InvGateWire

/// Help desks and levels, KB categories, custom fields, and the version.
extension InvGateClient {
    public func helpdesks() async throws(InvGateError) -> [HelpDeskRecord] {
        try decodeList(await call(.helpdesks, .get), .helpdesks, .get, HelpDeskRecord.init(json:))
    }

    /// Levels as `levels` lists them: no name and no help desk.
    public func levels() async throws(InvGateError) -> [LevelRecord] {
        try decodeList(await call(.levels, .get), .levels, .get, LevelRecord.init(json:))
    }

    /// Help desks (with a name) and levels (with their help desk as `parentID` and a `levelOrder`).
    public func helpdesksAndLevels() async throws(InvGateError) -> [LevelRecord] {
        try decodeList(await call(.helpdesksAndLevels, .get), .helpdesksAndLevels, .get, LevelRecord.init(json:))
    }

    public func kbCategories() async throws(InvGateError) -> [KBCategoryRecord] {
        try decodeList(await call(.kbCategories, .get), .kbCategories, .get, KBCategoryRecord.init(json:))
    }

    public func kbCategories(ids: [Int]) async throws(InvGateError) -> [KBCategoryRecord] {
        try decodeList(
            await call(.kbCategoriesByIDs, .get, ["ids": .array(ids)]), .kbCategoriesByIDs, .get, KBCategoryRecord.init(json:))
    }

    /// Creates a category below `parentID` (nil: at the root) and returns its id.
    public func createKBCategory(name: String, parentID: Int? = nil) async throws(InvGateError) -> Int {
        var parameters: FormParameters = ["name": .string(name)]
        if let parentID { parameters["parent_id"] = .integer(parentID) }
        return try createdID(await call(.kbCategories, .post, parameters), .kbCategories)
    }

    /// Renames and/or moves a category; a `parentID` of 0 moves it to the root, nil leaves it.
    public func updateKBCategory(id: Int, name: String? = nil, parentID: Int? = nil) async throws(InvGateError) {
        var parameters: FormParameters = ["id": .integer(id)]
        if let name { parameters["name"] = .string(name) }
        if let parentID { parameters["parent_id"] = .integer(parentID) }
        _ = try await call(.kbCategories, .put, parameters)
    }

    public func deleteKBCategory(id: Int) async throws(InvGateError) {
        _ = try await call(.kbCategories, .delete, ["id": .integer(id)])
    }

    public func customFields() async throws(InvGateError) -> [CustomFieldRecord] {
        try decodeList(await call(.customFieldsAll, .get), .customFieldsAll, .get, CustomFieldRecord.init(json:))
    }

    public func customFieldTypes() async throws(InvGateError) -> [CustomFieldTypeRecord] {
        let json = try await call(.customFieldTypes, .get)
        do {
            return try CustomFieldTypeRecord.decodeList(json)
        } catch {
            throw InvGateError(.customFieldTypes, .get, .malformedAnswer(error.description))
        }
    }

    /// The key → value options of a list-type field, in the API's order.
    public func listOptions(field uid: Int) async throws(InvGateError) -> [FormValue.KeyValue] {
        let json = try await call(.customFieldListOptions, .get, ["uid": .integer(uid)])
        let options = json["key-value"] ?? json
        guard let pairs = options.pairs else {
            throw InvGateError(.customFieldListOptions, .get, .malformedAnswer("no key-value dictionary"))
        }
        return pairs.map { FormValue.KeyValue($0.key, $0.value.string ?? "") }
    }

    /// Adds options or overwrites the values of existing keys; returns how many changed.
    @discardableResult
    public func upsertListOptions(field uid: Int, _ options: [FormValue.KeyValue]) async throws(InvGateError) -> Int {
        let parameters: FormParameters = [
            "uid": .integer(uid), "type": .string("key-value"), "key_values": .dictionary(options),
        ]
        return StatusAnswer(json: try await call(.customFieldListOptions, .post, parameters)).total ?? options.count
    }

    @discardableResult
    public func deleteListOptions(field uid: Int, keys: [String]) async throws(InvGateError) -> Int {
        let parameters: FormParameters = ["uid": .integer(uid), "type": .string("key-value"), "keys": .array(keys)]
        return StatusAnswer(json: try await call(.customFieldListOptions, .delete, parameters)).total ?? keys.count
    }

    public func treeOptions(field uid: Int) async throws(InvGateError) -> [TreeOptionRecord] {
        try decodeList(
            await call(.customFieldTreeOptions, .get, ["uid": .integer(uid)]), .customFieldTreeOptions, .get,
            TreeOptionRecord.init(json:))
    }

    /// Adds an option (or renames the one with `key`). The answer carries no hash: re-read to learn it.
    public func addTreeOption(field uid: Int, name: String, key: String?, parentHash: String?) async throws(InvGateError) {
        var parameters: FormParameters = ["uid": .integer(uid), "name": .string(name)]
        if let key { parameters["key"] = .string(key) }
        if let parentHash { parameters["parent_hash"] = .string(parentHash) }
        _ = try await call(.customFieldTreeOptions, .post, parameters)
    }

    public func updateTreeOption(field uid: Int, hash: String, name: String?, key: String?) async throws(InvGateError) {
        var parameters: FormParameters = ["uid": .integer(uid), "hash": .string(hash)]
        if let name { parameters["name"] = .string(name) }
        if let key { parameters["key"] = .string(key) }
        _ = try await call(.customFieldTreeOptions, .put, parameters)
    }

    /// Deletes an option and its children.
    public func deleteTreeOption(field uid: Int, hash: String) async throws(InvGateError) {
        _ = try await call(.customFieldTreeOptions, .delete, ["uid": .integer(uid), "hash": .string(hash)])
    }

    /// The instance's version, from a bare string or `{"version": …}`.
    public func version() async throws(InvGateError) -> String {
        let json = try await call(.version, .get)
        guard let version = json.string ?? json["version"]?.string else {
            throw InvGateError(.version, .get, .malformedAnswer("no version"))
        }
        return version
    }
}
