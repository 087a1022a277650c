import EstateModel

/// The keys of each kind of mapping in format v1, in the order the encoder writes them. One source for
/// the loader's unknown-key checks and did-you-mean hints, and for the JSON Schema.
enum ManifestFormat {
    /// A kind of mapping in a manifest.
    struct Shape: Sendable {
        /// How messages name one: "a company".
        let noun: String
        let keys: [String]
        /// Keys that are valid elsewhere in the format but not here, with the reason.
        let notAllowed: [String: String]
    }

    static let topLevel = Shape(
        noun: "the top level",
        keys: ["companies", "groups", "locations", "helpdesks", "kb_categories", "custom_fields", "users", "policy"],
        notAllowed: [
            "name": "a manifest file is a mapping of kinds: put objects under 'companies', 'groups', …",
            "members": "members belong to a company, group or location, not to the top level",
        ]
    )

    static let company = Shape(
        noun: "a company",
        keys: ["name", "external_id", "previous_names", "groups", "members", "observers", "protect", "absent"],
        notAllowed: ["children": "companies are not a tree; relate groups with 'groups'"]
    )

    static let group = Shape(
        noun: "a group",
        keys: ["name", "previous_names", "members", "observers", "protect", "absent"],
        notAllowed: [
            "external_id": "groups have no external id; only companies do",
            "groups": "groups do not contain groups; relate a group to a company under the company's 'groups'",
            "children": "groups are not a tree",
        ]
    )

    static let location = Shape(
        noun: "a location",
        keys: ["name", "previous_names", "members", "observers", "children", "protect", "absent"],
        notAllowed: [
            "external_id": "locations have no external id; only companies do"
        ]
    )

    private static let readOnlyHelpDesk =
        "help desks are read-only: deskform manages only the observers of help desks and of their levels"

    static let helpDesk = Shape(
        noun: "a help desk",
        keys: ["name", "observers", "levels"],
        notAllowed: [
            "members": readOnlyHelpDesk, "protect": readOnlyHelpDesk, "absent": readOnlyHelpDesk,
            "children": readOnlyHelpDesk, "previous_names": readOnlyHelpDesk, "external_id": readOnlyHelpDesk,
        ]
    )

    static let level = Shape(
        noun: "a level",
        keys: ["name", "order", "observers"],
        notAllowed: [
            "members": readOnlyHelpDesk, "protect": readOnlyHelpDesk, "absent": readOnlyHelpDesk,
            "children": readOnlyHelpDesk, "levels": "levels do not nest",
        ]
    )

    static let kbCategory = Shape(
        noun: "a KB category",
        keys: ["name", "previous_names", "children", "protect", "absent"],
        notAllowed: [
            "members": "KB categories have no members", "observers": "KB categories have no observers",
            "external_id": "KB categories have no external id; only companies do",
        ]
    )

    static let customField = Shape(
        noun: "a custom field",
        keys: ["field", "options", "tree"],
        notAllowed: [
            "name": "a custom field is named by 'field' (its label, or its uid)",
            "children": "a tree-type field's options go under 'tree'",
        ]
    )

    static let treeOption = Shape(
        noun: "a tree option",
        keys: ["name", "key", "children"],
        notAllowed: ["options": "tree options nest with 'children'"]
    )

    static let user = Shape(
        noun: "a user",
        keys: ["username", "email", "name", "lastname"] + UserAttribute.allCases.map(\.rawValue) + [
            "manager", "disabled", "groups", "companies", "locations", "previous_usernames",
        ],
        notAllowed: [
            "absent": "deskform never deletes a user (the API cannot undo it): write 'disabled: true' to disable the account",
            "password": passwordNotAllowed, "pass": passwordNotAllowed,
            "members": "a user's memberships are 'groups', 'companies' and 'locations'",
            "observers": "users have no observers; make the user an observer under the group, company or location",
            "protect": "users are never deleted, so there is nothing to protect",
            "previous_names": "a user is renamed with 'previous_usernames'",
        ]
    )

    private static let passwordNotAllowed =
        "passwords never belong in manifests: set 'policy.invite_users: true' to send new users the e-mail to set their own"

    static let policy = Shape(
        noun: "policy",
        keys: ["prune", "ignore", "max_deletes", "invite_users"],
        notAllowed: [:]
    )

    /// Common misspellings and near-synonyms, normalised (lower case, `_` for `-` and spaces), to the key
    /// they most likely mean. Used only when the target is a key of the mapping at hand.
    static let aliases: [String: String] = [
        "company": "companies", "organisations": "companies", "organizations": "companies",
        "group": "groups", "teams": "groups",
        "location": "locations", "sites": "locations",
        "helpdesk": "helpdesks", "help_desk": "helpdesks", "help_desks": "helpdesks",
        "kb": "kb_categories", "categories": "kb_categories", "kb_category": "kb_categories",
        "knowledge_base": "kb_categories", "kbcategories": "kb_categories",
        "custom_field": "custom_fields", "fields": "custom_fields", "customfields": "custom_fields",
        "member": "members", "users": "members", "user": "members", "people": "users", "accounts": "users",
        "first_name": "name", "firstname": "name", "last_name": "lastname", "surname": "lastname", "mail": "email",
        "e_mail": "email", "login": "username", "user_name": "username", "job_title": "position",
        "employee_id": "employee_number", "employeenumber": "employee_number", "secondary_email": "other_email",
        "otheremail": "other_email", "boss": "manager", "manager_id": "manager",
        "enabled": "disabled", "inactive": "disabled", "previous_username": "previous_usernames",
        "renamed_from_username": "previous_usernames", "invite": "invite_users", "send_set_password_email": "invite_users",
        "title": "name",
        "observer": "observers", "watchers": "observers",
        "child": "children", "childs": "children", "childrens": "children",
        "subcategories": "children", "sublocations": "children", "nodes": "children",
        "level": "levels",
        "option": "options", "values": "options", "items": "options",
        "label": "field", "uid": "field",
        "previous_name": "previous_names", "renamed_from": "previous_names", "old_names": "previous_names",
        "aliases": "previous_names", "formerly": "previous_names",
        "externalid": "external_id", "ext_id": "external_id",
        "protected": "protect", "prevent_destroy": "protect",
        "delete": "absent", "deleted": "absent", "remove": "absent",
        "max_deletions": "max_deletes", "maxdeletes": "max_deletes",
        "ignored": "ignore", "exclude": "ignore", "purge": "prune",
    ]

    /// Kinds `policy.prune` accepts, in the order the schema lists them.
    static let prunableKinds = ObjectKind.prunable.map(\.rawValue)

    /// Aliases for kinds named in `policy.prune`.
    static let kindAliases: [String: String] = [
        "company": "companies", "group": "groups", "location": "locations",
        "kb": "kb_categories", "categories": "kb_categories", "kb_category": "kb_categories",
        "kbcategories": "kb_categories",
    ]

    /// The longest name the instance accepts.
    static let maximumNameLength = 255
}
