import Foundation
import Manifest
import Testing

@Suite("Paths read one over another, and variables")
struct OverlayTests {
    static let base = ManifestSource(
        path: "org/org.yaml",
        text: """
            companies:
              - name: Acme Corp
                groups: [Acme IT]
                members: [alice, bob]
                observers: [erin]
            groups:
              - name: Acme IT
                members: [alice]
              - name: Acme VIP
                members: [grace]
            """)

    static func load(_ layers: [[ManifestSource]], variables: ManifestVariables? = nil) -> (ManifestLoad, String) {
        let load = ManifestLoader().load(layers: layers, variables: variables)
        return (load, DiagnosticRenderer().render(load.diagnostics))
    }

    @Test func aLaterPathReplacesTheKeysItSetsAndKeepsTheirPositions() throws {
        let overlay = ManifestSource(
            path: "overlays/staging/org.yaml",
            text: """
                companies:
                  - name: Acme Corp
                    members: [bob]
                groups:
                  - name: Acme VIP
                    absent: true
                  - name: Staging Testers
                    members: [zoe]
                """)
        let (load, diagnostics) = Self.load([[Self.base], [overlay]])
        #expect(diagnostics == "")
        let company = try #require(load.estate.companies.first)
        #expect(load.estate.companies.count == 1)
        #expect(
            company.members == [UserReference(parsing: "bob", at: SourceLocation(file: "overlays/staging/org.yaml", line: 3, column: 15))])
        #expect(company.observers == [UserReference(parsing: "erin", at: SourceLocation(file: "org/org.yaml", line: 5, column: 17))])
        #expect(company.groups?.map(\.value) == ["Acme IT"])
        #expect(company.position == SourceLocation(file: "org/org.yaml", line: 2, column: 11))
        #expect(load.estate.groups.map(\.name) == ["Acme IT", "Staging Testers"])
        #expect(load.files == ["org/org.yaml", "overlays/staging/org.yaml"])
    }

    @Test func aNameNoEarlierPathHasIsAWarningWithTheNearestName() {
        let overlay = ManifestSource(
            path: "overlays/staging/org.yaml",
            text: """
                companies:
                  - name: Acme Crop
                    members: [bob]
                groups:
                  - name: Staging Testers
                    members: [zoe]
                """)
        let (load, diagnostics) = Self.load([[Self.base], [overlay]])
        #expect(load.isValid)
        #expect(
            diagnostics == """
                overlays/staging/org.yaml:2:11: warning: company 'Acme Crop' is declared here and by no earlier path, so it is a new company, not an overlay of 'Acme Corp'
                  hint: did you mean 'Acme Corp'? A later path overlays an object by writing its name exactly

                """)
        #expect(load.estate.companies.map(\.name) == ["Acme Corp", "Acme Crop"])
    }

    @Test func absentOfAnObjectNoEarlierPathDeclaresIsAnError() {
        let overlay = ManifestSource(
            path: "overlays/staging/org.yaml",
            text: """
                groups:
                  - name: Acme VPI
                    absent: true
                """)
        let (_, diagnostics) = Self.load([[Self.base], [overlay]])
        #expect(
            diagnostics == """
                overlays/staging/org.yaml:2:11: error: group 'Acme VPI' is 'absent: true' here, but no earlier path declares it
                  hint: did you mean 'Acme VIP'?

                """)
    }

    @Test func declaringAnObjectTwiceWithinOnePathIsStillAnError() {
        let overlay = [
            ManifestSource(path: "overlays/staging/a.yaml", text: "groups:\n  - name: Acme IT\n    members: [bob]\n"),
            ManifestSource(path: "overlays/staging/b.yaml", text: "groups:\n  - name: Acme IT\n    members: [carol]\n"),
        ]
        let (load, diagnostics) = Self.load([[Self.base], overlay])
        #expect(!load.isValid)
        #expect(diagnostics.contains("overlays/staging/b.yaml:2:11: error: group 'Acme IT' is declared twice"), "\(diagnostics)")
    }

    @Test func withoutOverlaysTheSameObjectInTwoFilesIsAnError() {
        let second = ManifestSource(path: "org/more.yaml", text: "groups:\n  - name: Acme IT\n    members: [bob]\n")
        let load = ManifestLoader().load(sources: [Self.base, second])
        #expect(DiagnosticRenderer().render(load.diagnostics).contains("org/more.yaml:2:11: error: group 'Acme IT' is declared twice"))
    }

    @Test func variablesAreResolvedInEveryStringValue() throws {
        let source = ManifestSource(
            path: "org/org.yaml",
            text: """
                companies:
                  - name: Acme ${var.suffix}
                    members: [alice, "carol@${var.mail_domain}", "${env.ON_CALL}"]
                """)
        let variables = ManifestVariables(
            values: ["suffix": "Sandbox", "mail_domain": "acme.example"], environment: ["ON_CALL": "dave"], environmentName: "staging")
        let (load, diagnostics) = Self.load([[source]], variables: variables)
        #expect(diagnostics == "")
        let company = try #require(load.estate.companies.first)
        #expect(company.name == "Acme Sandbox")
        #expect(company.members?.map(\.description) == ["alice", "carol@acme.example", "dave"])
    }

    @Test func anUndefinedVariableIsAnErrorAtItsUse() {
        let source = ManifestSource(
            path: "org/org.yaml",
            text: """
                companies:
                  - name: Acme ${var.sufix} ${env.NOT_SET}
                """)
        let variables = ManifestVariables(values: ["suffix": "Sandbox"], environment: [:], environmentName: "staging")
        let (_, diagnostics) = Self.load([[source]], variables: variables)
        #expect(
            diagnostics == """
                org/org.yaml:2:16: error: variable 'sufix' is not defined for environment 'staging'
                  hint: did you mean 'suffix'?
                org/org.yaml:2:29: error: environment variable 'NOT_SET' is not set
                  hint: set NOT_SET in the environment deskform runs in

                """)
    }

    @Test func withoutVariablesStringsStayAsWritten() throws {
        let source = ManifestSource(path: "org/org.yaml", text: "companies:\n  - name: Acme ${var.suffix}\n")
        let load = ManifestLoader().load(sources: [source])
        #expect(load.estate.companies.first?.name == "Acme ${var.suffix}")
        #expect(load.isValid)
        #expect(
            DiagnosticRenderer().render(load.diagnostics) == """
                org/org.yaml:2:16: warning: '${var.suffix}' is only replaced in an environment: run with --env NAME
                  hint: without one, it stays as written; environments are declared in deskform.yaml

                """)
        let quoted = ManifestSource(path: "org/org.yaml", text: "groups:\n  - name: \"${env.TEAM} ${var.x}\"\n")
        #expect(
            DiagnosticRenderer().render(ManifestLoader().load(sources: [quoted]).diagnostics) == """
                org/org.yaml:2:11: warning: '${env.TEAM}' is only replaced in an environment: run with --env NAME
                  hint: without one, it stays as written; environments are declared in deskform.yaml
                org/org.yaml:2:11: warning: '${var.x}' is only replaced in an environment: run with --env NAME
                  hint: without one, it stays as written; environments are declared in deskform.yaml

                """)
    }

    @Test func theProjectFileIsNeverReadAsAManifest() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("project-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "environments: {local: {paths: [.]}}\n".write(
            to: directory.appendingPathComponent("deskform.yaml"), atomically: true, encoding: .utf8)
        try "groups:\n  - name: Acme IT\n".write(to: directory.appendingPathComponent("groups.yaml"), atomically: true, encoding: .utf8)
        let load = ManifestLoader().load(paths: [directory.path])
        #expect(load.files == [directory.path + "/groups.yaml"])
        #expect(load.diagnostics.isEmpty)
    }
}
