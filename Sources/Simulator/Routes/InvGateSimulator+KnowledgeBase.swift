import EstateModel
import InvGateWire

/// `kb.categories` and `kb.categories.by.ids`.
extension InvGateSimulator {
    static func listKBCategories(_ call: Call) async throws(Refusal) -> JSONValue {
        try await call.read { estate in .array(estate.kbCategories.inIDOrder.map(kbCategoryJSON)) }
    }

    static func listKBCategoriesByIDs(_ call: Call) async throws(Refusal) -> JSONValue {
        let ids = Set(try call.parameters.requiredIDs("ids"))
        return try await call.read { estate in
            .array(estate.kbCategories.inIDOrder.filter { ids.contains($0.id) }.map(kbCategoryJSON))
        }
    }

    /// `{category_id: "<id>", status: "OK"}`: the id is a string, as the reference says.
    static func createKBCategory(_ call: Call) async throws(Refusal) -> JSONValue {
        let operation = EstateOperation.createKBCategory(
            name: try call.parameters.requiredString("name"), parentID: call.parameters.int("parent_id"))
        return try await call.write(operation) { result, _ in
            guard case .created(let id) = result else { return StatusAnswer.ok().json }
            return StatusAnswer.ok([("category_id", .string(String(id)))]).json
        }
    }

    /// An empty `parent_id=` moves the category to the root, like `0`; an absent one leaves it.
    static func updateKBCategory(_ call: Call) async throws(Refusal) -> JSONValue {
        let parentID = call.parameters.int("parent_id") ?? (call.received.scalars["parent_id"] == "" ? 0 : nil)
        let operation = EstateOperation.updateKBCategory(
            id: try call.parameters.requiredInt("id"), name: call.parameters.string("name"), parentID: parentID)
        return try await call.write(operation) { _, _ in StatusAnswer.ok().json }
    }

    /// Erases the category and its subcategories; a rough instance refuses (409) while it has any, so
    /// a client must delete them first, each before its parent.
    static func deleteKBCategory(_ call: Call) async throws(Refusal) -> JSONValue {
        let id = try call.parameters.requiredInt("id")
        if call.dialect == .rough, try await call.read({ estate in estate.kbCategories.values.contains { $0.parentID == id } }) {
            throw .conflict("La categoría \(id) tiene subcategorías: elimínelas primero.")
        }
        return try await call.write(.deleteKBCategory(id: id)) { _, _ in
            StatusAnswer.ok().json
        }
    }

    private static func kbCategoryJSON(_ category: KBCategory) -> JSONValue {
        KBCategoryRecord(id: category.id, name: category.name, parentID: category.parentID).json
    }
}
