import EstateModel

/// Every operation deskform's client may call, as `specs/invgate-api.openapi.yaml` lists them.
package enum Catalogue {
    package static let operations: [OperationSpec] = {
        let id = ParameterSpec("id", .integer, required: true)
        let users = ParameterSpec("users", .array, required: true)
        let observerUsers = ParameterSpec("observer_users", .array, required: true)
        let ids = ParameterSpec("ids", .array)
        let includeDeleted = ParameterSpec("include_deleted", .boolean)
        let includeDisabled = ParameterSpec("include_disabled", .boolean)
        let uid = ParameterSpec("uid", .integer, required: true)
        let sendSetPasswordEmail = ParameterSpec("send_set_password_email", .boolean)

        /// The account's fields as `user` POST (name, last name and email required) and PUT take them.
        func userParameters(required: Bool) -> [ParameterSpec] {
            [
                ParameterSpec("username", .string), ParameterSpec("email", .string, required: required),
                ParameterSpec("name", .string, required: required), ParameterSpec("lastname", .string, required: required),
                ParameterSpec("manager_id", .integer),
            ] + UserAttribute.allCases.map { ParameterSpec($0.parameterName, .string) }
        }

        func members(_ endpoint: Endpoint) -> [OperationSpec] {
            [
                OperationSpec(endpoint, .get, [id, ParameterSpec("user_id", .integer)]),
                OperationSpec(endpoint, .post, [id, users]),
                OperationSpec(endpoint, .delete, [id, users]),
            ]
        }
        func observers(_ endpoint: Endpoint) -> [OperationSpec] {
            [
                OperationSpec(endpoint, .get, [ids]),
                OperationSpec(endpoint, .post, [id, observerUsers]),
                OperationSpec(endpoint, .delete, [id, observerUsers]),
            ]
        }

        var all: [OperationSpec] = [
            OperationSpec(
                .companies, .get,
                [
                    ParameterSpec("id", .integer), ParameterSpec("external_id", .string), ParameterSpec("name", .string),
                ]),
            OperationSpec(
                .companies, .post,
                [
                    ParameterSpec("name", .string, required: true), ParameterSpec("external_id", .string),
                ], isCreate: true),
            OperationSpec(
                .companies, .put,
                [
                    id, ParameterSpec("name", .string), ParameterSpec("external_id", .string),
                ]),
            OperationSpec(.companies, .delete, [id]),
            OperationSpec(.companiesGroups, .get, [id]),
            OperationSpec(.companiesGroups, .post, [id, ParameterSpec("groups", .array, required: true)]),
            OperationSpec(
                .companiesGroups, .delete,
                [
                    id, ParameterSpec("groups", .array, required: true), ParameterSpec("unlink_users_too", .boolean),
                ]),
            OperationSpec(.groups, .get, [ParameterSpec("id", .integer), ParameterSpec("name", .string)]),
            OperationSpec(.groups, .post, [ParameterSpec("name", .string, required: true)], isCreate: true),
            OperationSpec(.groups, .delete, [id]),
            OperationSpec(.locations, .get, [ParameterSpec("id", .integer)]),
            OperationSpec(
                .locations, .post,
                [
                    ParameterSpec("name", .string, required: true), ParameterSpec("parent_id", .integer),
                ], isCreate: true),
            OperationSpec(.locations, .delete, [id]),
            OperationSpec(
                .helpdesks, .get,
                [
                    ParameterSpec("id", .integer), ParameterSpec("name", .string), includeDeleted,
                ]),
            OperationSpec(.levels, .get, [ParameterSpec("id", .integer), includeDeleted]),
            OperationSpec(.helpdesksAndLevels, .get, [ParameterSpec("id", .integer), includeDeleted]),
            OperationSpec(.kbCategories, .get),
            OperationSpec(
                .kbCategories, .post,
                [
                    ParameterSpec("name", .string, required: true), ParameterSpec("parent_id", .integer),
                ], isCreate: true),
            OperationSpec(
                .kbCategories, .put,
                [
                    id, ParameterSpec("name", .string), ParameterSpec("parent_id", .integer),
                ]),
            OperationSpec(.kbCategories, .delete, [id]),
            OperationSpec(.kbCategoriesByIDs, .get, [ParameterSpec("ids", .array, required: true)]),
            OperationSpec(.customFieldsAll, .get),
            OperationSpec(.customFieldTypes, .get),
            OperationSpec(.customFieldListOptions, .get, [uid]),
            OperationSpec(
                .customFieldListOptions, .post,
                [
                    uid, ParameterSpec("type", .string, required: true),
                    ParameterSpec("key_values", .dictionary, required: true),
                ]),
            OperationSpec(
                .customFieldListOptions, .delete,
                [
                    uid, ParameterSpec("type", .string, required: true), ParameterSpec("keys", .array, required: true),
                ]),
            OperationSpec(.customFieldTreeOptions, .get, [uid]),
            // Without a key, or with a key no option has, it adds an option with a new hash.
            OperationSpec(
                .customFieldTreeOptions, .post,
                [
                    uid, ParameterSpec("name", .string, required: true), ParameterSpec("key", .string),
                    ParameterSpec("parent_hash", .string),
                ], isCreate: true),
            OperationSpec(
                .customFieldTreeOptions, .put,
                [
                    uid, ParameterSpec("hash", .string, required: true), ParameterSpec("name", .string),
                    ParameterSpec("key", .string),
                ]),
            OperationSpec(.customFieldTreeOptions, .delete, [uid, ParameterSpec("hash", .string, required: true)]),
            OperationSpec(.users, .get, [includeDisabled, ids]),
            OperationSpec(.user, .get, [id, includeDisabled]),
            OperationSpec(.user, .post, userParameters(required: true) + [sendSetPasswordEmail], isCreate: true),
            OperationSpec(.user, .put, [id] + userParameters(required: false)),
            // Answered by the simulator (which records it), never sent by deskform: no operation of the
            // estate maps to it, because a deleted user cannot be brought back.
            OperationSpec(.user, .delete, [id]),
            OperationSpec(.userDisable, .put, [id]),
            OperationSpec(.userEnable, .put, [id]),
            OperationSpec(.userBy, .get, [ParameterSpec("username", .string), ParameterSpec("email", .string)]),
            OperationSpec(
                .usersBy, .get,
                [
                    ParameterSpec("username", .string), ParameterSpec("email", .string),
                    ParameterSpec("phone", .string), ParameterSpec("office_phone", .string),
                    ParameterSpec("fax_phone", .string), ParameterSpec("mobile_phone", .string),
                    ParameterSpec("other_phone", .string), ParameterSpec("phones", .string),
                    ParameterSpec("employee_number", .string), ParameterSpec("exact_match", .boolean),
                    includeDisabled, ParameterSpec("page_key", .string),
                ]),
            OperationSpec(.usersGroups, .get, [ParameterSpec("ids", .array, required: true)]),
            OperationSpec(.version, .get),
        ]
        all += members(.companiesUsers) + members(.groupsUsers) + members(.locationsUsers)
        all += observers(.companiesObservers) + observers(.groupsObservers) + observers(.locationsObservers)
        all += observers(.helpdesksObservers) + observers(.levelsObservers)
        return all.sorted { ($0.endpoint, $0.method) < ($1.endpoint, $1.method) }
    }()

    package static func operation(_ endpoint: Endpoint, _ method: Method) -> OperationSpec? {
        operations.first { $0.endpoint == endpoint && $0.method == method }
    }

    /// The methods an endpoint answers.
    package static func methods(of endpoint: Endpoint) -> [Method] {
        operations.filter { $0.endpoint == endpoint }.map(\.method)
    }
}
