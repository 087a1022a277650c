import EstateModel
import Foundation

/// The JSON Schema (draft 2020-12) of manifest format v1, for editors (`# yaml-language-server: $schema=…`)
/// and other tools. `specs/manifest.schema.json` is `ManifestSchema.json`; a test keeps them equal.
/// The schema checks shapes; `deskform validate` also checks what a schema cannot (duplicates across
/// files, previous names, tree keys) and explains each problem.
package enum ManifestSchema {
    /// Pretty-printed with sorted keys, ending in a newline.
    package static var json: String {
        let data = try! JSONSerialization.data(
            withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static let format = ManifestFormat.self

    static var document: [String: Any] {
        [
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "deskform manifest (format v1)",
            "description":
                "Companies, groups, locations, help desk observers, KB categories, custom field options and users an InvGate Service Management instance should have. Files may hold any of these keys; lists merge across files.",
            "type": ["object", "null"],
            "additionalProperties": false,
            "properties": [
                "companies": list(of: "company", "Companies (identity: external_id when set, else name)."),
                "groups": list(of: "group", "Groups (identity: name; a new name replaces the group)."),
                "locations": list(of: "location", "Root locations; identity is the path of names."),
                "helpdesks": list(of: "helpdesk", "Existing help desks: only their observers and their levels' observers are managed."),
                "kb_categories": list(of: "kbCategory", "Root Knowledge Base categories; identity is the path of names."),
                "custom_fields": list(of: "customField", "Options of existing list- and tree-type custom fields."),
                "users": list(
                    of: "account", "User accounts (identity: username): created, updated, disabled or enabled; never deleted."),
                "policy": ref("policy"),
            ] as [String: Any],
            "$defs": definitions,
        ]
    }

    static func ref(_ name: String) -> [String: Any] { ["$ref": "#/$defs/\(name)"] }

    static func list(of name: String, _ description: String) -> [String: Any] {
        ["description": description, "type": ["array", "null"], "items": ref(name)]
    }

    static func object(
        _ shape: ManifestFormat.Shape, _ properties: [String: Any], required: [String] = [], extra: [String: Any] = [:]
    ) -> [String: Any] {
        precondition(Set(properties.keys) == Set(shape.keys), "schema and ManifestFormat disagree on \(shape.noun)")
        var object: [String: Any] = ["type": "object", "additionalProperties": false, "properties": properties]
        if !required.isEmpty { object["required"] = required }
        return object.merging(extra) { $1 }
    }

    static func described(_ base: [String: Any], _ description: String) -> [String: Any] {
        base.merging(["description": description]) { $1 }
    }

    static var flag: [String: Any] { ["type": "boolean"] }

    static func absentForbids(_ relations: [String]) -> [String: Any] {
        [
            "if": ["properties": ["absent": ["const": true]], "required": ["absent"]] as [String: Any],
            "then": ["not": ["anyOf": relations.map { ["required": [$0]] }]],
        ]
    }

    static var definitions: [String: Any] {
        let noControl = "[^\\u0000-\\u001F\\u007F]"
        let noSlash = "[^/\\u0000-\\u001F\\u007F]"
        return [
            "name": [
                "description": "A name: 1 to 255 characters, not only whitespace, no control characters.",
                "type": ["string", "integer"], "minLength": 1, "maxLength": ManifestFormat.maximumNameLength,
                "pattern": "^\(noControl)*[^\\s\\u0000-\\u001F\\u007F]\(noControl)*$",
            ] as [String: Any],
            "names": [
                "type": "array", "items": ref("name"), "uniqueItems": true,
            ] as [String: Any],
            "pathName": [
                "description":
                    "The name of a node of a tree (location, KB category, tree option): a name without '/', since paths join names with '/'.",
                "type": ["string", "integer"], "minLength": 1, "maxLength": ManifestFormat.maximumNameLength,
                "pattern": "^\(noSlash)*[^\\s/\\u0000-\\u001F\\u007F]\(noSlash)*$",
            ] as [String: Any],
            "pathNames": [
                "type": "array", "items": ref("pathName"), "uniqueItems": true,
            ] as [String: Any],
            "user": [
                "description": "A user: username, email (contains '@') or numeric id.",
                "oneOf": [
                    ["type": "string", "pattern": "^\\S+$", "maxLength": ManifestFormat.maximumNameLength],
                    ["type": "integer", "minimum": 1],
                ] as [[String: Any]],
            ] as [String: Any],
            "users": [
                "description": "Present: authoritative (users not listed are removed); [] empties; absent: unmanaged.",
                "type": "array", "items": ref("user"), "uniqueItems": true,
            ] as [String: Any],
            "company": object(
                format.company,
                [
                    "name": ref("name"),
                    "external_id": described(ref("name"), "When set, the identity: the name can change in place."),
                    "previous_names": described(ref("names"), "Earlier names, so a rename is done in place."),
                    "groups": described(ref("names"), "Groups related to the company (authoritative when present)."),
                    "members": ref("users"),
                    "observers": ref("users"),
                    "protect": described(flag, "The plan fails rather than delete or replace it."),
                    "absent": described(flag, "The company must not exist: the plan deletes it."),
                ], required: ["name"], extra: absentForbids(["groups", "members", "observers"])),
            "group": object(
                format.group,
                [
                    "name": ref("name"),
                    "previous_names": described(
                        ref("names"), "Earlier names: the API cannot rename a group, so the old one is replaced (-/+)."),
                    "members": ref("users"), "observers": ref("users"),
                    "protect": flag, "absent": flag,
                ], required: ["name"], extra: absentForbids(["members", "observers"])),
            "location": object(
                format.location,
                [
                    "name": ref("pathName"),
                    "previous_names": described(
                        ref("pathNames"),
                        "Earlier names under the same parent: the old location is replaced (-/+), erasing its sublocations."),
                    "members": ref("users"), "observers": ref("users"),
                    "children": ["type": "array", "items": ref("location")] as [String: Any],
                    "protect": flag, "absent": flag,
                ], required: ["name"], extra: absentForbids(["members", "observers", "children"])),
            "helpdesk": object(
                format.helpDesk,
                [
                    "name": ref("name"), "observers": ref("users"),
                    "levels": ["type": "array", "items": ref("level")] as [String: Any],
                ], required: ["name"]),
            "level": object(
                format.level,
                [
                    "name": ref("name"),
                    "order": ["type": "integer", "minimum": 1, "description": "1 is the first level."] as [String: Any],
                    "observers": ref("users"),
                ], extra: ["oneOf": [["required": ["name"]], ["required": ["order"]]]]),
            "kbCategory": object(
                format.kbCategory,
                [
                    "name": ref("pathName"),
                    "previous_names": described(
                        ref("names"),
                        "Earlier names under the same parent, or earlier paths ('Old/Network') of a category moved here; done in place."),
                    "children": ["type": "array", "items": ref("kbCategory")] as [String: Any],
                    "protect": flag, "absent": flag,
                ], required: ["name"], extra: absentForbids(["children"])),
            "customField": object(
                format.customField,
                [
                    "field": described(ref("name"), "The field's label, or its uid."),
                    "options": [
                        "description": "List-type field: option key -> value (authoritative).",
                        "type": "object", "additionalProperties": ref("name"),
                    ] as [String: Any],
                    "tree": [
                        "description": "Tree-type field: the option tree (authoritative).",
                        "type": "array", "items": ref("treeOption"),
                    ] as [String: Any],
                ], required: ["field"], extra: ["not": ["required": ["options", "tree"]]]),
            "treeOption": object(
                format.treeOption,
                [
                    "name": ref("pathName"),
                    "key": described(ref("name"), "Identity of the option within the field, when set."),
                    "children": ["type": "array", "items": ref("treeOption")] as [String: Any],
                ], required: ["name"]),
            "account": object(format.user, accountProperties, required: ["username"]),
            "policy": object(
                format.policy,
                [
                    "prune": [
                        "description": "Kinds whose undeclared live objects are deleted (default: none).",
                        "type": "array", "uniqueItems": true,
                        "items": ["enum": ManifestFormat.prunableKinds],
                    ] as [String: Any],
                    "ignore": [
                        "description": "Glob patterns (*, ?, [...]) of names or paths never touched, even by prune.",
                        "type": "array", "items": ["type": "string", "minLength": 1],
                    ] as [String: Any],
                    "invite_users": described(
                        flag, "Users deskform creates get the instance's e-mail with a link to set their password."),
                    "max_deletes": [
                        "description": "apply refuses more deletions than this without --allow-deletes (default: \(Policy.defaultMaxDeletes)).",
                        "type": "integer", "minimum": 0, "default": Policy.defaultMaxDeletes,
                    ] as [String: Any],
                ]),
        ]
    }

    /// A user account's keys: its identity, fields, attributes (by their API names), manager and memberships.
    static var accountProperties: [String: Any] {
        var properties: [String: Any] = [
            "username": described(ref("user"), "The identity; a new one with the old in previous_usernames renames in place."),
            "email": described(ref("name"), "Required (with name and lastname) to create the user."),
            "name": ref("name"), "lastname": ref("name"),
            "manager": described(ref("user"), "The user's manager: username, email or id."),
            "disabled": described(flag, "true disables the account, false enables it; absent leaves it as it is."),
            "groups": described(ref("names"), "The user's groups, merged with the groups' own member lists."),
            "companies": described(ref("names"), "The user's companies, merged with the companies' own member lists."),
            "locations": described(ref("names"), "The user's locations by path ('Madrid/Floor 2'), merged likewise."),
            "previous_usernames": described(ref("names"), "Earlier usernames: the account is renamed in place."),
        ]
        for attribute in UserAttribute.allCases {
            properties[attribute.rawValue] = ["type": ["string", "integer"], "maxLength": ManifestFormat.maximumNameLength] as [String: Any]
        }
        return properties
    }
}
