import EstateModel
import InvGateWire

/// `cf.fields.all`, `cf.fields.types`, `cf.field.options.list` and `cf.field.options.tree`.
extension InvGateSimulator {
    static func listCustomFields(_ call: Call) async throws(Refusal) -> JSONValue {
        try await call.read { estate in
            .array(
                estate.customFields.inIDOrder.map {
                    CustomFieldRecord(
                        uid: $0.uid, label: $0.label, type: $0.typeID,
                        categories: $0.categories.map(String.init).joined(separator: ","), isRequired: $0.isRequired,
                        description: $0.description
                    ).json
                })
        }
    }

    static func listCustomFieldTypes(_ call: Call) async throws(Refusal) -> JSONValue {
        try await call.read { estate in
            .array(estate.customFieldTypes.map { CustomFieldTypeRecord(id: $0.id, name: $0.name).json })
        }
    }

    /// `{"key-value": {"k": "v", …}}`, in the order the keys were first added.
    static func listOptions(_ call: Call) async throws(Refusal) -> JSONValue {
        let uid = try call.parameters.requiredInt("uid")
        return try await call.read { estate throws(Refusal) in
            let field = try field(uid, of: .list, in: estate)
            return .object([("key-value", .object(field.listOptions.map { ($0.key, .string($0.value)) }))])
        }
    }

    static func upsertListOptions(_ call: Call) async throws(Refusal) -> JSONValue {
        try requireKeyValueType(call.parameters)
        let entries = call.parameters.dictionary("key_values") ?? []
        let operation = EstateOperation.upsertListOptions(
            field: try call.parameters.requiredInt("uid"),
            options: entries.map { ListOption(key: $0.key, value: $0.value) })
        return try await call.write(operation) { result, _ in
            let total = count(result)
            return StatusAnswer.ok([("total", .int(total))], info: "\(total) value(s) added or modified.").json
        }
    }

    static func deleteListOptions(_ call: Call) async throws(Refusal) -> JSONValue {
        try requireKeyValueType(call.parameters)
        let operation = EstateOperation.deleteListOptions(
            field: try call.parameters.requiredInt("uid"), keys: call.parameters.strings("keys") ?? [])
        return try await call.write(operation) { result, _ in
            let total = count(result)
            return StatusAnswer.ok([("total", .int(total))], info: "\(total) value(s) deleted.").json
        }
    }

    /// `[{key, hash, name, children: […]}]`, siblings in the order they were added.
    static func treeOptions(_ call: Call) async throws(Refusal) -> JSONValue {
        let uid = try call.parameters.requiredInt("uid")
        return try await call.read { estate throws(Refusal) in
            let field = try field(uid, of: .tree, in: estate)
            func children(of parent: String?) -> [TreeOptionRecord] {
                field.treeOptions.filter { $0.parentHash == parent }.map {
                    TreeOptionRecord(key: $0.key, hash: $0.hash, name: $0.name, children: children(of: $0.hash))
                }
            }
            return .array(children(of: nil).map(\.json))
        }
    }

    /// Answers `{status, info}` and no hash: a client re-reads the tree to learn it.
    static func addTreeOption(_ call: Call) async throws(Refusal) -> JSONValue {
        let operation = EstateOperation.addTreeOption(
            field: try call.parameters.requiredInt("uid"), name: try call.parameters.requiredString("name"),
            key: call.parameters.string("key"), parentHash: call.parameters.string("parent_hash"))
        return try await call.write(operation) { _, _ in StatusAnswer.ok(info: "The option was added.").json }
    }

    static func updateTreeOption(_ call: Call) async throws(Refusal) -> JSONValue {
        let operation = EstateOperation.updateTreeOption(
            field: try call.parameters.requiredInt("uid"), hash: try call.parameters.requiredString("hash"),
            name: call.parameters.string("name"), key: call.parameters.string("key"))
        return try await call.write(operation) { _, _ in StatusAnswer.ok(info: "The option was modified.").json }
    }

    static func deleteTreeOption(_ call: Call) async throws(Refusal) -> JSONValue {
        let operation = EstateOperation.deleteTreeOption(
            field: try call.parameters.requiredInt("uid"), hash: try call.parameters.requiredString("hash"))
        return try await call.write(operation) { _, _ in StatusAnswer.ok(info: "The option was deleted.").json }
    }

    /// The field `uid`: unknown is 404, another kind of field 400.
    private static func field(_ uid: Int, of kind: CustomFieldType.Kind, in estate: Estate) throws(Refusal) -> CustomField {
        guard let field = estate.customFields[uid] else { throw .estate(.unknown(kind: "custom field", id: "\(uid)")) }
        guard estate.fieldKind(field) == kind else {
            throw .estate(.invalid("The custom field \(uid) is not a \(kind.rawValue)-type field."))
        }
        return field
    }

    /// The list endpoints only know `type=key-value`.
    private static func requireKeyValueType(_ parameters: FormParameters) throws(Refusal) {
        let type = try parameters.requiredString("type")
        guard type == "key-value" else { throw .invalid("The type \(type) is not supported; use key-value.") }
    }

    private static func count(_ result: OperationResult) -> Int {
        if case .count(let total) = result { return total }
        return 0
    }
}
