import EstateModel
import InvGateAPI
import InvGateWire

/// Finding an object by its identity, as the API lists it: after a create's answer was lost, to
/// learn a new tree option's hash, and to confirm a delete the API refused.
extension PlanExecutor {
    /// The id of the object `operation` (a create) would make, if one is there: a company by
    /// external id when it has one, else by name; a group by name; a location or KB category by
    /// name under its parent; a user by username. The newest (highest id) when several match.
    func existingObject(for operation: EstateOperation) async throws(ApplyError) -> Int? {
        do {
            switch operation {
            case .createCompany(let name, let externalID):
                let companies = try await client.companies()
                if let externalID, !externalID.isEmpty {
                    return companies.filter { $0.externalID == externalID }.map(\.id).max()
                }
                return companies.filter { $0.name == name }.map(\.id).max()
            case .createGroup(let name):
                return try await client.groups().filter { $0.name == name }.map(\.id).max()
            case .createLocation(let name, let parentID):
                let parent = Self.parent(parentID)
                return try await client.locations().filter { $0.name == name && $0.parentID == parent }.map(\.id).max()
            case .createKBCategory(let name, let parentID):
                let parent = Self.parent(parentID)
                return try await client.kbCategories().filter { $0.name == name && $0.parentID == parent }.map(\.id).max()
            case .createUser(let fields, _):
                // By username (the email when none was given), deleted accounts aside.
                let username = fields.username.isEmpty ? fields.email : fields.username
                let user = try await client.user(username: username)
                return user.flatMap { $0.isDeleted ? nil : $0.id }
            default:
                return nil
            }
        } catch {
            throw .api(error)
        }
    }

    /// The hash of the tree option `POST cf.field.options.tree` with these parameters makes: the
    /// option with `key` and this name when a key is given (a POST with a known key renames), else
    /// the last option named `name` under `parentHash`.
    func existingTreeOption(field: Int, name: String, key: String?, parentHash: String?) async throws(ApplyError) -> String? {
        let options = try await treeOptions(field: field)
        if let key, !key.isEmpty {
            return options.first { $0.key == key && $0.name == name }?.hash
        }
        let parent = parentHash.flatMap { $0.isEmpty || $0 == "0" ? nil : $0 }
        return options.last { $0.name == name && $0.parentHash == parent }?.hash
    }

    /// A tree-type field's options, flat, each knowing its parent.
    func treeOptions(field: Int) async throws(ApplyError) -> [TreeOption] {
        let records: [TreeOptionRecord]
        do {
            records = try await client.treeOptions(field: field)
        } catch {
            throw .api(error)
        }
        return TreeOption.flattening(records)
    }

    /// Whether the object a delete names is gone.
    func isAbsent(_ operation: EstateOperation) async throws(ApplyError) -> Bool {
        if case .deleteTreeOption(let field, let hash) = operation {
            return try await !treeOptions(field: field).contains { $0.hash == hash }
        }
        do {
            switch operation {
            case .deleteCompany(let id): return try await !client.companies().contains { $0.id == id }
            case .deleteGroup(let id): return try await !client.groups().contains { $0.id == id }
            case .deleteLocation(let id): return try await !client.locations().contains { $0.id == id }
            case .deleteKBCategory(let id): return try await !client.kbCategories().contains { $0.id == id }
            default: return false
            }
        } catch {
            throw .api(error)
        }
    }

    static func parent(_ id: Int?) -> Int? {
        id.flatMap { $0 == 0 ? nil : $0 }
    }
}
