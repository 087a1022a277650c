import Foundation
import Testing

@testable import Manifest

@Suite("The project file deskform.yaml")
struct ProjectTests {
    static let committedSchema = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("specs/project.schema.json")

    static func rendered(_ text: String) -> (Project, String) {
        let (project, diagnostics) = Project.read(text: text, path: "deskform.yaml")
        return (project, DiagnosticRenderer().render(diagnostics))
    }

    @Test func readsEveryEnvironmentAsWritten() {
        let (project, diagnostics) = Self.rendered(
            """
            environments:
              production:
                url: https://acme.example.invgate.net
                credentials: {username: PROD_INVGATE_USERNAME, token: PROD_INVGATE_TOKEN}
                paths: [org]
                variables: {mail_domain: acme.example}
              staging:
                url: https://acme-sandbox.example.invgate.net
                credentials: {client_id: STG_CLIENT_ID, client_secret: STG_CLIENT_SECRET}
                paths: [org, overlays/staging]
                missing_users: skip
              local: {paths: [org, overlays/staging]}
            """)
        #expect(diagnostics == "")
        #expect(
            project.environments == [
                ProjectEnvironment(
                    name: "production", position: SourceLocation(file: "deskform.yaml", line: 2, column: 3),
                    url: "https://acme.example.invgate.net",
                    credentials: .basic(username: "PROD_INVGATE_USERNAME", token: "PROD_INVGATE_TOKEN"),
                    paths: ["org"], variables: ["mail_domain": "acme.example"]),
                ProjectEnvironment(
                    name: "staging", position: SourceLocation(file: "deskform.yaml", line: 7, column: 3),
                    url: "https://acme-sandbox.example.invgate.net",
                    credentials: .oauth2(clientID: "STG_CLIENT_ID", clientSecret: "STG_CLIENT_SECRET"),
                    paths: ["org", "overlays/staging"], missingUsers: .skip),
                ProjectEnvironment(
                    name: "local", position: SourceLocation(file: "deskform.yaml", line: 12, column: 3), paths: ["org", "overlays/staging"]),
            ])
    }

    @Test func unknownKeyIsReportedAtTheKeyWithTheClosestOne() {
        let (_, diagnostics) = Self.rendered(
            """
            environments:
              staging:
                paths: [org]
                variabels: {a: b}
            """)
        #expect(
            diagnostics == """
                deskform.yaml:4:5: error: unknown key 'variabels' in an environment
                  hint: did you mean 'variables'?

                """)
    }

    @Test func aLiteralSecretIsAnErrorThatNeverRepeatsTheValue() {
        let (project, diagnostics) = Self.rendered(
            """
            environments:
              production:
                url: https://acme.example.invgate.net
                credentials: {username: api, token: s3cr3t-T0ken}
                paths: [org]
            """)
        #expect(!diagnostics.contains("s3cr3t"))
        #expect(
            diagnostics == """
                deskform.yaml:4:29: error: 'credentials.username' of environment 'production' is not the name of an environment variable; it looks like a literal secret
                  hint: never write secrets in deskform.yaml: put the value in a CI secret or an environment variable, and write its name here (e.g. USERNAME_VARIABLE)
                deskform.yaml:4:41: error: 'credentials.token' of environment 'production' is not the name of an environment variable; it looks like a literal secret
                  hint: never write secrets in deskform.yaml: put the value in a CI secret or an environment variable, and write its name here (e.g. TOKEN_VARIABLE)

                """)
        #expect(project.environments.first?.credentials == nil)
    }

    @Test func credentialsInTheURLAndMissingPathsAreErrors() {
        let (_, diagnostics) = Self.rendered(
            """
            environments:
              production:
                url: https://api:secret@acme.example.invgate.net
            """)
        #expect(
            diagnostics == """
                deskform.yaml:3:5: error: environment 'production' has no 'paths'
                  hint: list the folders that declare it, e.g. 'paths: [org]'
                deskform.yaml:3:10: error: 'url' of environment 'production' holds credentials
                  hint: remove them from the URL and name the variables that hold them under 'credentials'

                """)
    }

    @Test func anEmptyProjectFileOrOneWithoutEnvironmentsIsAnError() {
        #expect(
            Self.rendered("# nothing yet\n").1 == """
                deskform.yaml:1:1: error: the project file is empty: it declares no environment
                  hint: start with 'environments:' and one key per environment, e.g. 'environments: {staging: {paths: [org]}}'

                """)
        #expect(
            Self.rendered("environments: {}\n").1 == """
                deskform.yaml:1:15: error: 'environments' declares no environment
                  hint: add one key per environment, e.g. 'environments: {staging: {paths: [org]}}'

                """)
    }

    @Test func aProjectFileThatIsNotUTF8IsAnError() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("project-\(UUID().uuidString).yaml").path
        try (Data("environments:\n  caf".utf8) + Data([0xE9]) + Data(": {paths: [org]}\n".utf8)).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (project, diagnostics) = Project.read(path: path)
        #expect(project.environments == [])
        #expect(
            DiagnosticRenderer().render(diagnostics) == """
                \(path):2:6: error: file is not valid UTF-8 (byte 0xE9)
                  hint: save it as UTF-8 (it looks like another encoding, such as Latin-1)

                """)
    }

    @Test func choosingAnEnvironment() throws {
        let two = Project(environments: [
            ProjectEnvironment(name: "production", paths: ["org"]), ProjectEnvironment(name: "staging", paths: ["org"]),
        ])
        #expect(try two.select("staging").get().name == "staging")
        #expect(throws: ProjectError.unknownEnvironment("prod", known: ["production", "staging"], project: "deskform.yaml")) {
            try two.select("prod").get()
        }
        #expect(throws: ProjectError.noEnvironmentChosen(known: ["production", "staging"], project: "deskform.yaml")) {
            try two.select(nil).get()
        }
        #expect(
            "\(ProjectError.noEnvironmentChosen(known: ["production", "staging"], project: "deskform.yaml"))"
                == "deskform.yaml declares several environments; choose one with --env NAME (or DESKFORM_ENV): production, staging.")
        let one = Project(environments: [ProjectEnvironment(name: "local", paths: ["org"])])
        #expect(try one.select(nil).get().name == "local")
    }

    @Test func credentialsAreReadFromTheVariablesTheyNameOnly() {
        let staging = ProjectEnvironment(
            name: "staging", credentials: .oauth2(clientID: "STG_ID", clientSecret: "STG_SECRET"), paths: ["org"])
        let process = [
            "STG_ID": "id", "STG_SECRET": "secret", "INVGATE_USERNAME": "prod-user", "INVGATE_TOKEN": "prod", "HOME": "/root",
            "INVGATE_TOKEN_URL": "https://sso.acme.example/token",
        ]
        #expect(
            staging.clientEnvironment(from: process) == [
                "INVGATE_CLIENT_ID": "id", "INVGATE_CLIENT_SECRET": "secret", "STG_ID": "id", "STG_SECRET": "secret", "HOME": "/root",
                "INVGATE_TOKEN_URL": "https://sso.acme.example/token",
            ])
    }

    @Test func committedSchemaIsTheGeneratedOne() throws {
        let committed = try String(contentsOf: Self.committedSchema, encoding: .utf8)
        #expect(committed == ProjectSchema.json, "regenerate it: swift run deskform schema --project > specs/project.schema.json")
    }

    @Test func schemaNamesEveryKeyOfTheProjectFile() throws {
        let object = try #require(JSONSerialization.jsonObject(with: Data(ProjectSchema.json.utf8)) as? [String: Any])
        #expect(object["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        let definitions = try #require(object["$defs"] as? [String: Any])
        let environment = try #require(definitions["environment"] as? [String: Any])
        let properties = try #require(environment["properties"] as? [String: Any])
        #expect(Set(properties.keys) == Set(ProjectReader.environment.keys))
    }
}
