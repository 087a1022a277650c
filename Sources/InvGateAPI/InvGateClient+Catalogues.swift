import InvGateWire

/// Help desks and levels, KB categories, custom fields, and the version.
extension InvGateClient {
    package func helpdesks() async throws(InvGateError) -> [HelpDeskRecord] {
        try await list(.helpdesks, decoding: HelpDeskRecord.init(json:))
    }

    /// Levels as `levels` lists them: no name and no help desk.
    package func levels() async throws(InvGateError) -> [LevelRecord] {
        try await list(.levels, decoding: LevelRecord.init(json:))
    }

    /// Help desks (with a name) and levels (with their help desk as `parentID` and a `levelOrder`).
    package func helpdesksAndLevels() async throws(InvGateError) -> [LevelRecord] {
        try await list(.helpdesksAndLevels, decoding: LevelRecord.init(json:))
    }

    package func kbCategories() async throws(InvGateError) -> [KBCategoryRecord] {
        try await list(.kbCategories, decoding: KBCategoryRecord.init(json:))
    }

    package func kbCategories(ids: [Int]) async throws(InvGateError) -> [KBCategoryRecord] {
        try await list(.kbCategoriesByIDs, ["ids": .array(ids)], decoding: KBCategoryRecord.init(json:))
    }

    package func customFields() async throws(InvGateError) -> [CustomFieldRecord] {
        try await list(.customFieldsAll, keyField: "uid", decoding: CustomFieldRecord.init(json:))
    }

    package func customFieldTypes() async throws(InvGateError) -> [CustomFieldTypeRecord] {
        let json = try await get(.customFieldTypes)
        do {
            return try CustomFieldTypeRecord.decodeList(json)
        } catch {
            throw InvGateError(.customFieldTypes, .get, .malformedAnswer(error.description))
        }
    }

    /// The key → value options of a list-type field, in the API's order.
    package func listOptions(field uid: Int) async throws(InvGateError) -> [FormValue.KeyValue] {
        let json = try await get(.customFieldListOptions, ["uid": .integer(uid)])
        let options = json["key-value"] ?? json
        guard let pairs = options.pairs else {
            throw InvGateError(.customFieldListOptions, .get, .malformedAnswer("no key-value dictionary"))
        }
        return pairs.map { FormValue.KeyValue($0.key, $0.value.string ?? "") }
    }

    package func treeOptions(field uid: Int) async throws(InvGateError) -> [TreeOptionRecord] {
        try await list(.customFieldTreeOptions, ["uid": .integer(uid)], keyField: "hash", decoding: TreeOptionRecord.init(json:))
    }

    /// The instance's version, from a bare string or `{"version": …}`.
    package func version() async throws(InvGateError) -> String {
        let json = try await get(.version)
        guard let version = json.string ?? json["version"]?.string else {
            throw InvGateError(.version, .get, .malformedAnswer("no version"))
        }
        return version
    }
}
