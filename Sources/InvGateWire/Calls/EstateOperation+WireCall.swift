import EstateModel

extension EstateOperation {
    /// The endpoint, method and parameters of this operation, exactly as they are sent.
    package var wireCall: WireCall {
        switch self {
        case .createCompany(let name, let externalID):
            var parameters: FormParameters = ["name": .string(name)]
            if let externalID { parameters["external_id"] = .string(externalID) }
            return WireCall(.companies, .post, parameters)
        case .updateCompany(let id, let name, let externalID):
            var parameters: FormParameters = ["id": .integer(id)]
            if let name { parameters["name"] = .string(name) }
            if let externalID { parameters["external_id"] = .string(externalID) }
            return WireCall(.companies, .put, parameters)
        case .deleteCompany(let id):
            return WireCall(.companies, .delete, ["id": .integer(id)])
        case .relateGroups(let company, let groups):
            return WireCall(.companiesGroups, .post, ["id": .integer(company), "groups": .array(groups)])
        case .unrelateGroups(let company, let groups, let unlinkUsers):
            return WireCall(
                .companiesGroups, .delete,
                [
                    "id": .integer(company), "groups": .array(groups), "unlink_users_too": .boolean(unlinkUsers),
                ])
        case .createGroup(let name):
            return WireCall(.groups, .post, ["name": .string(name)])
        case .deleteGroup(let id):
            return WireCall(.groups, .delete, ["id": .integer(id)])
        case .createLocation(let name, let parentID):
            var parameters: FormParameters = ["name": .string(name)]
            if let parentID { parameters["parent_id"] = .integer(parentID) }
            return WireCall(.locations, .post, parameters)
        case .deleteLocation(let id):
            return WireCall(.locations, .delete, ["id": .integer(id)])
        case .addMembers(let target, let users):
            return WireCall(target.kind.endpoint, .post, ["id": .integer(target.id), "users": .array(users)])
        case .removeMembers(let target, let users):
            return WireCall(target.kind.endpoint, .delete, ["id": .integer(target.id), "users": .array(users)])
        case .addObservers(let entity, let users):
            return WireCall(entity.kind.endpoint, .post, ["id": .integer(entity.id), "observer_users": .array(users)])
        case .removeObservers(let entity, let users):
            return WireCall(entity.kind.endpoint, .delete, ["id": .integer(entity.id), "observer_users": .array(users)])
        case .createKBCategory(let name, let parentID):
            var parameters: FormParameters = ["name": .string(name)]
            if let parentID { parameters["parent_id"] = .integer(parentID) }
            return WireCall(.kbCategories, .post, parameters)
        case .updateKBCategory(let id, let name, let parentID):
            var parameters: FormParameters = ["id": .integer(id)]
            if let name { parameters["name"] = .string(name) }
            if let parentID { parameters["parent_id"] = .integer(parentID) }
            return WireCall(.kbCategories, .put, parameters)
        case .deleteKBCategory(let id):
            return WireCall(.kbCategories, .delete, ["id": .integer(id)])
        case .upsertListOptions(let field, let options):
            return WireCall(
                .customFieldListOptions, .post,
                [
                    "uid": .integer(field), "type": .string("key-value"),
                    "key_values": .dictionary(options.map { FormValue.KeyValue($0.key, $0.value) }),
                ])
        case .deleteListOptions(let field, let keys):
            return WireCall(
                .customFieldListOptions, .delete,
                [
                    "uid": .integer(field), "type": .string("key-value"), "keys": .array(keys),
                ])
        case .addTreeOption(let field, let name, let key, let parentHash):
            var parameters: FormParameters = ["uid": .integer(field), "name": .string(name)]
            if let key { parameters["key"] = .string(key) }
            if let parentHash { parameters["parent_hash"] = .string(parentHash) }
            return WireCall(.customFieldTreeOptions, .post, parameters)
        case .updateTreeOption(let field, let hash, let name, let key):
            var parameters: FormParameters = ["uid": .integer(field), "hash": .string(hash)]
            if let name { parameters["name"] = .string(name) }
            if let key { parameters["key"] = .string(key) }
            return WireCall(.customFieldTreeOptions, .put, parameters)
        case .deleteTreeOption(let field, let hash):
            return WireCall(.customFieldTreeOptions, .delete, ["uid": .integer(field), "hash": .string(hash)])
        case .createUser(let fields, let invite):
            var parameters: FormParameters = [
                "email": .string(fields.email), "name": .string(fields.name), "lastname": .string(fields.lastname),
            ]
            if !fields.username.isEmpty { parameters["username"] = .string(fields.username) }
            if let manager = fields.managerID { parameters["manager_id"] = .integer(manager) }
            for (attribute, value) in fields.attributes.sorted(by: { $0.key < $1.key }) { parameters[attribute.parameterName] = .string(value) }
            if invite { parameters["send_set_password_email"] = .boolean(true) }
            return WireCall(.user, .post, parameters)
        case .updateUser(let id, let changes):
            var parameters: FormParameters = ["id": .integer(id)]
            if let username = changes.username { parameters["username"] = .string(username) }
            if let email = changes.email { parameters["email"] = .string(email) }
            if let name = changes.name { parameters["name"] = .string(name) }
            if let lastname = changes.lastname { parameters["lastname"] = .string(lastname) }
            if let manager = changes.managerID { parameters["manager_id"] = .integer(manager) }
            for (attribute, value) in changes.attributes.sorted(by: { $0.key < $1.key }) { parameters[attribute.parameterName] = .string(value) }
            return WireCall(.user, .put, parameters)
        case .disableUser(let id):
            return WireCall(.userDisable, .put, ["id": .integer(id)])
        case .enableUser(let id):
            return WireCall(.userEnable, .put, ["id": .integer(id)])
        }
    }
}
