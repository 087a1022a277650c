import EstateModel
import Foundation
import Manifest
import Simulator
import TestSupport
import Testing

@testable import DeskformCLI

/// Two simulators stand for two instances, production and staging, of one repository.
@Suite("deskform --env")
struct EnvironmentCommandTests {
    static let process = ["PROD_USER": "api", "PROD_TOKEN": "prod-token", "STG_USER": "api", "STG_TOKEN": "stg-token"]
    static let production = SimulatorOptions(token: "prod-token")
    static let staging = SimulatorOptions(token: "stg-token")

    static let organisation = """
        companies:
          - name: Acme Corp
            groups: [Acme IT, Acme Support]
            members: [alice, "bob@${var.mail_domain}"]
        groups:
          - name: Acme IT
            members: [alice, dave]
          - name: Acme Support
            members: [bob, carol]
            observers: [erin]
          - name: Acme Executive Desk
            members: [grace]
        locations:
          - name: ${var.office}
            members: [heidi]
        """

    static let stagingOverlay = """
        groups:
          - name: Acme Support
            members: [bob]
          - name: Acme Executive Desk
            absent: true
        """

    /// A repository: deskform.yaml naming the two instances, org/ and overlays/staging/.
    static func repository(productionURL: String, stagingURL: String, stagingExtra: String = "") throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("environments-\(UUID().uuidString)")
        for folder in ["org", "overlays/staging", ".deskform"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try """
        environments:
          production:
            url: \(productionURL)
            credentials: {username: PROD_USER, token: PROD_TOKEN}
            paths: [org]
            variables: {mail_domain: acme.example, office: Madrid}
          staging:
            url: \(stagingURL)
            credentials: {username: STG_USER, token: STG_TOKEN}
            paths: [org, overlays/staging]
            variables: {mail_domain: acme.example, office: Madrid Sandbox}
        \(stagingExtra)
        """.write(to: root.appendingPathComponent("deskform.yaml"), atomically: true, encoding: .utf8)
        try organisation.write(to: root.appendingPathComponent("org/organisation.yaml"), atomically: true, encoding: .utf8)
        try stagingOverlay.write(to: root.appendingPathComponent("overlays/staging/staging.yaml"), atomically: true, encoding: .utf8)
        return root
    }

    static func options(_ root: URL, _ arguments: [String]) throws -> TargetOptions {
        try TargetOptions.parse(arguments + ["--project", root.path])
    }

    static func plan(_ root: URL, _ arguments: [String], paths: [String] = []) async throws -> (code: Int32, recording: Console.Recording) {
        let target = try options(root, arguments)
        return await Console.run { console in
            await PlanCommand.plan(
                paths: paths, format: .text, detailedExitcode: true, target: target, environment: process, console: console)
        }
    }

    static func apply(_ root: URL, _ arguments: [String], paths: [String] = []) async throws -> (code: Int32, recording: Console.Recording)
    {
        let target = try options(root, arguments)
        let settings = ApplyCommand.Settings(paths: paths, journalDirectory: root.appendingPathComponent(".deskform/journal").path)
        return await Console.run { console in
            await ApplyCommand.apply(settings, target: target, environment: process, approval: .automatic, console: console)
        }
    }

    static func groups(_ estate: Estate) -> [String: [String]] {
        var result: [String: [String]] = [:]
        for group in estate.groups.values {
            result[group.name] = group.members.compactMap { estate.users[$0]?.username }.sorted()
        }
        return result
    }

    @Test("each --env reaches its own instance, changes it as its environment says, and leaves the other untouched")
    func eachEnvironmentReachesItsOwnInstance() async throws {
        try await withLiveSimulator(options: Self.production) { production in
            try await withLiveSimulator(options: Self.staging) { staging in
                let root = try Self.repository(productionURL: production.url, stagingURL: staging.url)
                defer { try? FileManager.default.removeItem(at: root) }
                let stagingBefore = await staging.store.estate

                let (code, output) = try await Self.apply(root, ["--env", "production"])
                #expect(code == 0, "\(output.errorOutput)")
                #expect(output.output.hasPrefix("deskform: environment production\ndeskform: target \(production.url) (HTTP Basic auth)\n"))
                #expect(await staging.store.estate == stagingBefore)
                let productionEstate = await production.store.estate
                #expect(
                    Self.groups(productionEstate) == [
                        "Acme IT": ["alice", "dave"], "Acme Support": ["bob", "carol"], "Acme Executive Desk": ["grace"],
                    ])
                #expect(productionEstate.locations.values.map(\.name) == ["Madrid"])

                let (stagingCode, stagingOutput) = try await Self.apply(root, ["--env", "staging"])
                #expect(stagingCode == 0, "\(stagingOutput.errorOutput)")
                #expect(await production.store.estate == productionEstate)
                let stagingEstate = await staging.store.estate
                #expect(Self.groups(stagingEstate) == ["Acme IT": ["alice", "dave"], "Acme Support": ["bob"]])
                #expect(stagingEstate.locations.values.map(\.name) == ["Madrid Sandbox"])

                for env in ["production", "staging"] {
                    let (again, planned) = try await Self.plan(root, ["--env", env])
                    #expect(again == 0, "\(env): \(planned.output)\(planned.errorOutput)")
                }
            }
        }
    }

    @Test("with several environments and no --env, a command names them and reads nothing")
    func noEnvironmentChosen() async throws {
        let root = try Self.repository(productionURL: "http://127.0.0.1:9", stagingURL: "http://127.0.0.1:9")
        defer { try? FileManager.default.removeItem(at: root) }
        let (code, output) = try await Self.plan(root, [])
        #expect(code == 1)
        #expect(output.output == "")
        #expect(
            output.errorOutput
                == "deskform: error: \(root.path)/deskform.yaml declares several environments; choose one with --env NAME (or DESKFORM_ENV): production, staging.\n"
        )
        let (unknown, unknownOutput) = try await Self.plan(root, ["--env", "prod"])
        #expect(unknown == 1)
        #expect(
            unknownOutput.errorOutput
                == "deskform: error: \(root.path)/deskform.yaml has no environment 'prod'; choose one of: production, staging.\n")
    }

    @Test("bootstrapping: export production into org, apply staging on an empty instance, and staging plans clean")
    func bootstrap() async throws {
        try await withLiveSimulator(options: Self.production) { production in
            try await withLiveSimulator(options: Self.staging) { staging in
                let root = try Self.repository(productionURL: production.url, stagingURL: staging.url)
                defer { try? FileManager.default.removeItem(at: root) }
                #expect(try await Self.apply(root, ["--env", "production"]).code == 0)
                let org = root.appendingPathComponent("org")
                try FileManager.default.removeItem(at: org)

                let target = try Self.options(root, ["--env", "production"])
                let (exported, exportOutput) = await Console.run { console in
                    await ExportCommand.export(out: org.path, target: target, environment: Self.process, console: console)
                }
                #expect(exported == 0, "\(exportOutput.errorOutput)")

                let (code, output) = try await Self.apply(root, ["--env", "staging"])
                #expect(code == 0, "\(output.errorOutput)")
                #expect(Self.groups(await staging.store.estate) == ["Acme IT": ["alice", "dave"], "Acme Support": ["bob"]])
                let (again, planned) = try await Self.plan(root, ["--env", "staging"])
                #expect(again == 0, "\(planned.output)")
                #expect(planned.output.contains("No changes."), "\(planned.output)")
            }
        }
    }

    @Test("missing_users: skip drops the users the instance lacks, with one warning that lists them")
    func missingUsersSkip() async throws {
        var sandbox = Fixtures.demoEstate
        for user in sandbox.users.values where ["carol", "grace"].contains(user.username) { sandbox.users[user.id] = nil }
        let trimmed = sandbox
        try await withLiveSimulator(estate: trimmed, options: Self.staging) { staging in
            let root = try Self.repository(productionURL: "http://127.0.0.1:9", stagingURL: staging.url)
            defer { try? FileManager.default.removeItem(at: root) }
            let overlay = root.appendingPathComponent("overlays/staging/staging.yaml")
            try (Self.stagingOverlay + "\n  - name: Acme Helpers\n    members: [carol, grace, bob]\n").write(
                to: overlay, atomically: true, encoding: .utf8)

            let (refused, refusal) = try await Self.plan(root, ["--env", "staging"])
            #expect(refused == 1)
            #expect(
                refusal.errorOutput.contains("overlays/staging/staging.yaml:7:15: error: unknown user 'carol'"), "\(refusal.errorOutput)")

            var project = try String(contentsOf: root.appendingPathComponent("deskform.yaml"), encoding: .utf8)
            project = project.replacingOccurrences(
                of: "paths: [org, overlays/staging]", with: "paths: [org, overlays/staging]\n    missing_users: skip")
            try project.write(to: root.appendingPathComponent("deskform.yaml"), atomically: true, encoding: .utf8)
            let (code, output) = try await Self.apply(root, ["--env", "staging"])
            #expect(code == 0, "\(output.errorOutput)")
            // One warning a user, at that user's own position.
            for (user, column) in [("carol", 15), ("grace", 22)] {
                #expect(
                    output.output.contains(
                        "overlays/staging/staging.yaml:7:\(column): user '\(user)' is not on the instance, so it was left out (missing_users: skip)\n"),
                    "\(output.output)")
            }
            #expect(Self.groups(await staging.store.estate)["Acme Helpers"] == ["bob"])
        }
    }

    @Test("validate checks every environment, with its variables resolved, at the position of each use")
    func validateEveryEnvironment() async throws {
        let root = try Self.repository(productionURL: "http://127.0.0.1:9", stagingURL: "http://127.0.0.1:9")
        defer { try? FileManager.default.removeItem(at: root) }
        let (code, output) = await Console.run { console in
            ValidateCommand.validate(paths: [], format: .text, directory: root.path, console: console)
        }
        #expect(code == 0, "\(output.errorOutput)")
        #expect(
            output.output == """
                Environment production: manifests are valid: 1 file, 5 objects.
                Environment staging: manifests are valid: 2 files, 4 objects.

                """)

        let org = root.appendingPathComponent("org/organisation.yaml")
        try Self.organisation.replacingOccurrences(of: "${var.office}", with: "${var.ofice}").write(
            to: org, atomically: true, encoding: .utf8)
        let (failed, failure) = await Console.run { console in
            ValidateCommand.validate(paths: [], format: .text, env: "staging", directory: root.path, console: console)
        }
        #expect(failed == 1)
        #expect(
            failure.errorOutput == """
                \(org.path):14:11: error: variable 'ofice' is not defined for environment 'staging'
                  hint: did you mean 'office'?
                Environment staging: 1 error, 0 warnings in 2 files.

                """)
    }

    @Test("plan --all-envs: one section per environment, one changed and one not, and the highest exit code")
    func planEveryEnvironment() async throws {
        try await withLiveSimulator(options: Self.production) { production in
            try await withLiveSimulator(options: Self.staging) { staging in
                let root = try Self.repository(productionURL: production.url, stagingURL: staging.url)
                defer { try? FileManager.default.removeItem(at: root) }
                #expect(try await Self.apply(root, ["--env", "production"]).code == 0)
                let stagingBefore = await staging.store.estate

                let target = try Self.options(root, [])
                let (code, output) = await Console.run { console in
                    await PlanCommand.planEveryEnvironment(
                        format: .markdown, detailedExitcode: true, target: target, environment: Self.process, console: console)
                }
                #expect(code == 2)
                let sections = output.output.components(separatedBy: "## Environment ")
                #expect(sections.count == 3)
                // Each plan names its instance by the environment, never by its URL.
                #expect(sections[1].hasPrefix("`production`\n\n### deskform plan for `production`\n"))
                #expect(sections[1].contains("No changes. The instance matches the manifests."))
                #expect(sections[2].hasPrefix("`staging`\n\n### deskform plan for `staging`\n"))
                #expect(!output.output.contains(production.url) && !output.output.contains(staging.url))
                #expect(sections[2].contains("+ group[\"Acme Support\"]  (not in the instance)\n+     name: \"Acme Support\"\n+     members: bob\n"), "\(sections[2])")
                #expect(await staging.store.estate == stagingBefore)
            }
        }
    }

    @Test("plan --all-envs --detailed-exitcode: two environments failed and one has changes: exit 1, each failure in its own text section")
    func failedEnvironmentsExitOne() async throws {
        try await withLiveSimulator(options: Self.staging) { staging in
            let broken = """
                  broken:
                    url: http://127.0.0.1:9
                    credentials: {username: STG_USER, token: STG_TOKEN}
                    paths: [org]
                    variables: {mail_domain: acme.example, office: Madrid}
                """
            let root = try Self.repository(productionURL: "http://127.0.0.1:9", stagingURL: staging.url, stagingExtra: broken)
            defer { try? FileManager.default.removeItem(at: root) }
            let target = try Self.options(root, [])
            let (code, output) = await Console.run { console in
                await PlanCommand.planEveryEnvironment(
                    format: .text, detailedExitcode: true, target: target, environment: Self.process, console: console)
            }
            #expect(code == 1)
            let sections = output.output.components(separatedBy: "== Environment ")
            #expect(sections.count == 4)
            for (section, name) in [(sections[1], "production"), (sections[3], "broken")] {
                #expect(section.hasPrefix("\(name) ==\n"))
                #expect(section.contains("deskform: error: http://127.0.0.1:9 refused the connection: nothing listens on port 9 of 127.0.0.1"), "\(section)")
                #expect(section.hasSuffix("No plan for \(name) (exit 1).\n\n"), "\(section)")
            }
            #expect(sections[2].contains("+ group[\"Acme Support\"]  (not in the instance)"))
            // The failures are in their sections, not again on standard error.
            #expect(!output.errorOutput.contains("refused the connection"), "\(output.errorOutput)")
        }
        #expect(EnvironmentPlans.exitCode([2, 1, 0]) == 1)
        #expect(EnvironmentPlans.exitCode([0, 2, 0]) == 2)
        #expect(EnvironmentPlans.exitCode([]) == 0)
    }

    @Test("a Markdown comment longer than GitHub allows is cut, its code block closed, with a note")
    func longCommentIsCut() {
        let long = "## Environment `production`\n\n```diff\n" + String(repeating: "+ group \"G\"\n", count: 10_000)
        let cut = EnvironmentPlans.cut(long)
        #expect(cut.utf16.count <= 65_536)
        #expect(
            cut.hasSuffix(
                "\n```\n\n---\n✂️ Cut here: the plans are longer than one pull-request comment may be (65,536 characters). Run `deskform plan --env NAME` for each environment to see it in full.\n"
            ))
        #expect(EnvironmentPlans.cut("short") == "short")
    }

    @Test("examples/environments: every environment is valid, its variables resolved")
    func exampleRepositoryIsValid() async throws {
        let (code, output) = await Console.run { console in
            ValidateCommand.validate(paths: [], format: .text, directory: Golden.path("examples/environments"), console: console)
        }
        #expect(code == 0)
        #expect(output.errorOutput == "")
        #expect(
            output.output == """
                Environment production: manifests are valid: 1 file, 6 objects.
                Environment staging: manifests are valid: 2 files, 5 objects.
                Environment local: manifests are valid: 2 files, 5 objects.

                """)
    }

    @Test("validate PATHS reads deskform.yaml as plan PATHS does: each environment's variables over the paths given")
    func validatePathsWithAProject() async throws {
        let root = try Self.repository(productionURL: "http://127.0.0.1:9", stagingURL: "http://127.0.0.1:9")
        defer { try? FileManager.default.removeItem(at: root) }
        let org = root.appendingPathComponent("org").path
        let (code, output) = await Console.run { console in
            ValidateCommand.validate(paths: [org], format: .text, directory: root.path, console: console)
        }
        #expect(code == 0)
        #expect(output.errorOutput == "", "no '${var.…} is only replaced in an environment' warning")
        #expect(
            output.output == """
                Environment production: manifests are valid: 1 file, 5 objects.
                Environment staging: manifests are valid: 1 file, 5 objects.

                """)
    }

    @Test("--project naming a folder without deskform.yaml stops, naming the file it looked for")
    func wrongProjectFolder() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("no-project-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let message = "deskform: error: there is no \(folder.path)/deskform.yaml; give --project the folder that holds deskform.yaml.\n"
        let (code, output) = try await Self.plan(folder, [])
        #expect(code == 1)
        #expect(output.output == "")
        #expect(output.errorOutput == message)
        let (validated, validation) = await Console.run { console in
            ValidateCommand.validate(paths: [], format: .text, directory: folder.path, console: console)
        }
        #expect(validated == 1)
        #expect(validation.errorOutput == message)
        #expect(
            "\(ProjectError.noProject(environment: "staging", directory: "."))"
                == "environment 'staging' was asked for, but there is no deskform.yaml in the current directory; run from the repository's root, or name its folder with --project DIR, or drop --env and DESKFORM_ENV."
        )
    }

    @Test("an empty deskform.yaml is an error for plan --all-envs and validate, not an empty success")
    func emptyProjectFile() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("empty-project-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "# environments to come\n".write(to: folder.appendingPathComponent("deskform.yaml"), atomically: true, encoding: .utf8)
        let file = folder.appendingPathComponent("deskform.yaml").path
        let diagnostic = """
            \(file):1:1: error: the project file is empty: it declares no environment
              hint: start with 'environments:' and one key per environment, e.g. 'environments: {staging: {paths: [org]}}'

            """
        let target = try Self.options(folder, [])
        let (code, output) = await Console.run { console in
            await PlanCommand.planEveryEnvironment(
                format: .text, detailedExitcode: false, target: target, environment: [:], console: console)
        }
        #expect(code == 1)
        #expect(output.output == "")
        #expect(output.errorOutput == diagnostic + "deskform: error: \(file) has 1 error (listed above); fix it and run again.\n")
        let (validated, validation) = await Console.run { console in
            ValidateCommand.validate(paths: [], format: .text, directory: folder.path, console: console)
        }
        #expect(validated == 1)
        #expect(validation.errorOutput == diagnostic + "1 error, 0 warnings in \(file); no manifest was read.\n")
    }

    @Test("in an environment, credential errors name the variables it reads")
    func credentialErrorsNameTheEnvironmentsVariables() async throws {
        let root = try Self.repository(productionURL: "http://127.0.0.1:9", stagingURL: "http://127.0.0.1:9")
        defer { try? FileManager.default.removeItem(at: root) }
        let target = try Self.options(root, ["--env", "production"])
        for (process, message) in [
            (
                ["PROD_USER": "api", "INVGATE_TOKEN": "ignored"],
                "PROD_USER is set but PROD_TOKEN is not; set PROD_TOKEN as well, or unset PROD_USER"
            ),
            (
                ["INVGATE_USERNAME": "api", "INVGATE_TOKEN": "ignored"],
                "environment production reads its credentials from PROD_USER and PROD_TOKEN, and neither is set; set both"
            ),
        ] {
            let (code, output) = await Console.run { console in
                await PlanCommand.plan(
                    paths: [], format: .text, detailedExitcode: false, target: target, environment: process, console: console)
            }
            #expect(code == 1)
            #expect(output.output == "")
            #expect(output.errorOutput == "deskform: error: \(message)\n")
        }

        // A refused token is advised in the environment's names too.
        try await withLiveSimulator { simulator in
            let root = try Self.repository(productionURL: simulator.url, stagingURL: simulator.url)
            defer { try? FileManager.default.removeItem(at: root) }
            let target = try Self.options(root, ["--env", "production"])
            let (code, output) = await Console.run { console in
                await PlanCommand.plan(
                    paths: [], format: .text, detailedExitcode: false, target: target,
                    environment: ["PROD_USER": "api", "PROD_TOKEN": "wrong"], console: console)
            }
            #expect(code == 1)
            #expect(
                output.errorOutput.hasSuffix(
                    "deskform: error: \(simulator.url) refused the credentials (HTTP 401 on GET sd.version); check PROD_USER and PROD_TOKEN\n"
                ),
                "\(output.errorOutput)")
        }

        let bare = FileManager.default.temporaryDirectory.appendingPathComponent("bare-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: bare, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: bare) }
        try "environments:\n  production: {url: http://127.0.0.1:9, paths: [.]}\n".write(
            to: bare.appendingPathComponent("deskform.yaml"), atomically: true, encoding: .utf8)
        try "groups:\n  - name: Acme IT\n".write(to: bare.appendingPathComponent("groups.yaml"), atomically: true, encoding: .utf8)
        let (code, output) = try await Self.plan(bare, [])
        #expect(code == 1)
        #expect(
            output.errorOutput
                == "deskform: error: environment production has no credentials; name the variables that hold them under 'environments.production.credentials' in \(bare.path)/deskform.yaml, e.g. '{username: PROD_USER, token: PROD_TOKEN}'\n"
        )
    }

    @Test("plan --all-envs refuses --target, --exclude and --url, which would limit one plan")
    func allEnvironmentsRefusesOnePlansOptions() throws {
        for (arguments, message) in [
            (
                ["--all-envs", "--target", "groups"],
                "--target and --exclude limit one plan; with --all-envs, plan each environment with --env NAME --target ADDR."
            ),
            (
                ["--all-envs", "--exclude", "groups"],
                "--target and --exclude limit one plan; with --all-envs, plan each environment with --env NAME --target ADDR."
            ),
            (
                ["--all-envs", "--url", "https://acme.example"],
                "--url names one instance, and --all-envs plans the instance of each environment; drop --url, or plan with --env NAME --url URL."
            ),
        ] {
            let error = #expect(throws: (any Error).self) { try PlanCommand.parse(arguments) }
            #expect(PlanCommand.message(for: try #require(error)) == message, "\(arguments)")
        }
    }

    @Test("doctor --env checks the instance the environment names, with its credentials")
    func doctorInAnEnvironment() async throws {
        try await withLiveSimulator(options: Self.staging) { staging in
            let root = try Self.repository(productionURL: "http://127.0.0.1:9", stagingURL: staging.url)
            defer { try? FileManager.default.removeItem(at: root) }
            let target = try Self.options(root, ["--env", "staging"])
            let (code, output) = await Console.run { console in
                await DoctorCommand.doctor(paths: [], format: .text, target: target, environment: Self.process, console: console)
            }
            #expect(code == 0, "\(output.output)\(output.errorOutput)")
            let lines = output.output.split(separator: "\n").prefix(2).joined(separator: "\n")
            #expect(
                lines == """
                    deskform doctor: \(staging.url)
                    ok       url: \(staging.url) (from the url of environment staging in deskform.yaml)
                    """)
            #expect(output.output.contains("ok       credentials: accepted (HTTP Basic auth)\n"), "\(output.output)")
        }
    }
}
