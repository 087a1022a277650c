import Foundation

/// The JSON Schema (draft 2020-12) of the project file `deskform.yaml` (`deskform schema --project`).
/// `specs/project.schema.json` is `ProjectSchema.json`; a test keeps them equal. The schema checks
/// shapes; `deskform validate` also says why a credential looks like a literal secret.
package enum ProjectSchema {
    /// Pretty-printed with sorted keys, ending in a newline.
    package static var json: String {
        let data = try! JSONSerialization.data(
            withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static var variableName: [String: Any] {
        [
            "type": "string", "pattern": "^[A-Z_][A-Z0-9_]*$",
            "description": "The name of an environment variable that holds the value, never the value itself.",
        ]
    }

    static var document: [String: Any] {
        [
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "deskform project file (deskform.yaml)",
            "description":
                "The environments one repository of manifests keeps: each an instance, the paths that declare it (read one over another) and its variables.",
            "type": "object",
            "additionalProperties": false,
            "required": ["environments"],
            "properties": [
                "environments": [
                    "description": "One key per environment, chosen with --env NAME (or DESKFORM_ENV).",
                    "type": "object",
                    "minProperties": 1,
                    "propertyNames": ["pattern": "^[A-Za-z0-9][A-Za-z0-9_.-]*$"],
                    "additionalProperties": ["$ref": "#/$defs/environment"],
                ] as [String: Any]
            ] as [String: Any],
            "$defs": [
                "environment": [
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["paths"],
                    "properties": [
                        "url": [
                            "type": "string", "pattern": "^https?://[^@/]+(/.*)?$",
                            "description": "The instance root. Without it, the embedded local instance in .deskform/NAME/.",
                        ] as [String: Any],
                        "credentials": [
                            "description":
                                "The names of the variables that hold the credentials: username and token (Basic), or client_id and client_secret (OAuth2).",
                            "oneOf": [
                                [
                                    "type": "object", "additionalProperties": false, "required": ["username", "token"],
                                    "properties": ["username": variableName, "token": variableName],
                                ] as [String: Any],
                                [
                                    "type": "object", "additionalProperties": false, "required": ["client_id", "client_secret"],
                                    "properties": ["client_id": variableName, "client_secret": variableName],
                                ] as [String: Any],
                            ],
                        ] as [String: Any],
                        "paths": [
                            "description":
                                "Manifest files or folders, relative to deskform.yaml; a later one may declare an object again, replacing the keys it sets.",
                            "type": "array", "minItems": 1, "items": ["type": "string", "minLength": 1],
                        ] as [String: Any],
                        "variables": [
                            "description": "The values of ${var.NAME} in this environment's manifests.",
                            "type": "object", "additionalProperties": ["type": ["string", "number", "boolean"]],
                        ] as [String: Any],
                        "missing_users": [
                            "description":
                                "References to users the instance does not have: an error (default), or dropped with one warning (skip).",
                            "enum": ["error", "skip"],
                        ] as [String: Any],
                    ] as [String: Any],
                ] as [String: Any]
            ] as [String: Any],
        ]
    }
}
