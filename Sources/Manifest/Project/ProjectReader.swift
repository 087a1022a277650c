import Yams

/// Walks a composed project file and builds its environments, with a diagnostic at the node of every
/// problem. Shares the manifest reader's shapes and messages.
struct ProjectReader {
    var reader: ManifestReader

    static let topLevel = ManifestFormat.Shape(noun: "the project file", keys: ["environments"], notAllowed: [:])
    static let environment = ManifestFormat.Shape(
        noun: "an environment", keys: ["url", "credentials", "paths", "variables", "missing_users"],
        notAllowed: ["token": "credentials are named under 'credentials', e.g. '{username: PROD_USER, token: PROD_TOKEN}'"])
    static let credentials = ManifestFormat.Shape(
        noun: "credentials", keys: ["username", "token", "client_id", "client_secret"], notAllowed: [:])

    /// A name of a process variable: what `credentials` holds, never the value itself.
    static func isVariableName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || ("A"..."Z").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { $0 == "_" || ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
    }

    mutating func read(_ root: Node) -> [ProjectEnvironment] {
        guard case .mapping(let mapping) = root else {
            reader.error(
                root, "a project file must be a mapping with 'environments', not \(ManifestReader.describe(root))",
                hint: "start with 'environments:' and one key per environment")
            return []
        }
        let fields = reader.fields(mapping, as: Self.topLevel)
        guard let value = fields["environments"] else {
            reader.error(root, "the project file has no 'environments'", hint: "add 'environments:' with one key per environment")
            return []
        }
        if case .mapping(let environments) = value, environments.isEmpty {
            reader.error(
                value, "'environments' declares no environment",
                hint: "add one key per environment, e.g. 'environments: {staging: {paths: [org]}}'")
            return []
        }
        guard case .mapping(let environments) = value else {
            reader.error(
                value, "'environments' must be a mapping of environment names, not \(ManifestReader.describe(value))",
                hint: "write 'environments: {staging: {paths: [org]}}'")
            return []
        }
        var result: [ProjectEnvironment] = []
        for (key, body) in environments {
            guard let name = reader.text(key, key: "environments", in: "the project file") else { continue }
            if let mark = key.mark, reader.repeatedKeys.contains(TextPosition(mark)) { continue }
            guard name.value.range(of: "^[A-Za-z0-9][A-Za-z0-9_.-]*$", options: .regularExpression) != nil else {
                reader.error(
                    key, "environment name '\(name.value)' may hold only letters, digits, '-', '_' and '.'",
                    hint: "it names a folder under .deskform/ and is typed after --env")
                continue
            }
            if let environment = self.environment(name, body) { result.append(environment) }
        }
        return result
    }

    mutating func environment(_ name: Located<String>, _ node: Node) -> ProjectEnvironment? {
        let noun = "environment '\(name.value)'"
        guard let mapping = reader.mapping(node, for: noun, example: "'\(name.value): {paths: [org]}'") else { return nil }
        let fields = reader.fields(mapping, as: Self.environment)
        var url: String?
        if let value = fields["url"], let text = reader.text(value, key: "url", in: noun) {
            if !(text.value.hasPrefix("https://") || text.value.hasPrefix("http://")) {
                reader.error(
                    value, "'url' of \(noun) must start with https:// (or http://)", hint: "write 'url: https://acme.example.invgate.net'")
            } else if let scheme = text.value.range(of: "://"), text.value[scheme.upperBound...].prefix(while: { $0 != "/" }).contains("@")
            {
                reader.error(
                    value, "'url' of \(noun) holds credentials",
                    hint: "remove them from the URL and name the variables that hold them under 'credentials'")
            } else {
                url = text.value
            }
        }
        let paths: [String]
        if let value = fields["paths"] {
            paths = reader.names(value, key: "paths", of: "manifest paths", example: "'paths: [org, overlays/staging]'")?.map(\.value) ?? []
            if case .sequence(let sequence) = value, sequence.isEmpty {
                reader.error(value, "'paths' of \(noun) is empty", hint: "list the folders that declare it, e.g. 'paths: [org]'")
            }
        } else {
            reader.error(node, "\(noun) has no 'paths'", hint: "list the folders that declare it, e.g. 'paths: [org]'")
            paths = []
        }
        var variables: [String: String] = [:]
        if let value = fields["variables"] {
            if case .mapping(let pairs) = value {
                for (key, text) in pairs {
                    guard let variable = reader.text(key, key: "variables", in: noun) else { continue }
                    guard case .scalar(let scalar) = text, !ManifestReader.isNull(scalar) else {
                        reader.error(
                            text, "variable '\(variable.value)' of \(noun) must be a single value, not \(ManifestReader.describe(text))")
                        continue
                    }
                    variables[variable.value] = scalar.string
                }
            } else {
                reader.error(
                    value, "'variables' of \(noun) must be a mapping, not \(ManifestReader.describe(value))",
                    hint: "write 'variables: {mail_domain: acme.example}'")
            }
        }
        var missingUsers = ProjectEnvironment.MissingUsers.error
        if let value = fields["missing_users"], let text = reader.text(value, key: "missing_users", in: noun) {
            if let choice = ProjectEnvironment.MissingUsers(rawValue: text.value) {
                missingUsers = choice
            } else {
                reader.error(value, "'missing_users' of \(noun) must be error or skip, not '\(text.value)'")
            }
        }
        let credentials = fields["credentials"].flatMap { self.credentials($0, noun: noun) }
        if credentials != nil, url == nil, fields["url"] == nil, let key = fields.keys["credentials"] {
            reader.error(
                key, "\(noun) has credentials but no 'url'",
                hint: "add the instance's 'url', or remove 'credentials' to use the embedded local instance")
        }
        return ProjectEnvironment(
            name: name.value, position: name.position, url: url, credentials: credentials, paths: paths,
            variables: variables, missingUsers: missingUsers)
    }

    mutating func credentials(_ node: Node, noun: String) -> ProjectEnvironment.Credentials? {
        guard
            let mapping = reader.mapping(
                node, for: "'credentials' of \(noun)",
                example: "'{username: PROD_INVGATE_USERNAME, token: PROD_INVGATE_TOKEN}'")
        else { return nil }
        let fields = reader.fields(mapping, as: Self.credentials)
        var names: [String: String] = [:]
        var secret = false
        for key in Self.credentials.keys {
            guard let value = fields[key], let text = reader.text(value, key: key, in: "'credentials' of \(noun)") else { continue }
            guard Self.isVariableName(text.value) else {
                // Never repeat the value: it may be the secret itself.
                reader.error(
                    value, "'credentials.\(key)' of \(noun) is not the name of an environment variable; it looks like a literal secret",
                    hint:
                        "never write secrets in deskform.yaml: put the value in a CI secret or an environment variable, and write its name here (e.g. \(key.uppercased())_VARIABLE)"
                )
                secret = true
                continue
            }
            names[key] = text.value
        }
        if secret { return nil }
        switch (names["username"], names["token"], names["client_id"], names["client_secret"]) {
        case (let username?, let token?, nil, nil): return .basic(username: username, token: token)
        case (nil, nil, let id?, let secret?): return .oauth2(clientID: id, clientSecret: secret)
        default:
            reader.error(
                node, "'credentials' of \(noun) must name either 'username' and 'token' or 'client_id' and 'client_secret'",
                hint:
                    "write '{username: PROD_INVGATE_USERNAME, token: PROD_INVGATE_TOKEN}' or '{client_id: STG_CLIENT_ID, client_secret: STG_CLIENT_SECRET}'"
            )
            return nil
        }
    }
}
