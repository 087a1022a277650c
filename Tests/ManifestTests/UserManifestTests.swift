import EstateModel
import Manifest
import Testing

@Suite("users: in manifests")
struct UserManifestTests {
    static let text = """
        users:
          - username: oscar
            email: oscar@acme.example
            name: Oscar
            lastname: Ortiz
            department: IT
            position: Network engineer
            phone: ""
            manager: alice
            disabled: false
            groups: [Network]
            companies: [Acme Inc]
            locations: ["Madrid/Floor 2"]
            previous_usernames: [oscar.o]
        policy:
          invite_users: true
        """

    @Test("every key of a user is read with its position, and written back as it was read")
    func readsAndWritesBack() throws {
        let load = ManifestLoader().load(sources: [ManifestSource(path: "users.yaml", text: Self.text)])
        #expect(load.diagnostics.isEmpty, "\(DiagnosticRenderer().render(load.diagnostics))")
        let user = try #require(load.estate.users.first)
        #expect(user.username == "oscar" && user.position == SourceLocation(file: "users.yaml", line: 2, column: 15))
        #expect(user.email?.value == "oscar@acme.example" && user.name?.value == "Oscar" && user.lastname?.value == "Ortiz")
        #expect(user.attributes.mapValues(\.value) == [.department: "IT", .position: "Network engineer", .phone: ""])
        #expect(user.attributes[.department]?.position == SourceLocation(file: "users.yaml", line: 6, column: 17))
        #expect(user.manager?.key == .username("alice"))
        #expect(user.disabled?.value == false)
        #expect(user.groups?.map(\.value) == ["Network"] && user.companies?.map(\.value) == ["Acme Inc"])
        #expect(user.locations?.map(\.value) == ["Madrid/Floor 2"] && user.previousUsernames.map(\.value) == ["oscar.o"])
        #expect(load.estate.policy.inviteUsers?.value == true)

        let again = ManifestLoader().load(sources: [ManifestSource(path: "again.yaml", text: load.estate.yaml())])
        #expect(again.diagnostics.isEmpty)
        #expect(again.estate.withoutPositions() == load.estate.withoutPositions())
    }

    @Test("a later path overlays a user's keys one by one")
    func overlay() throws {
        let base = ManifestSource(path: "base/users.yaml", text: Self.text)
        let staging = ManifestSource(path: "staging/users.yaml", text: "users:\n  - {username: oscar, department: Ops, groups: []}\n")
        let load = ManifestLoader().load(layers: [[base], [staging]])
        let user = try #require(load.estate.users.first)
        #expect(load.estate.users.count == 1)
        #expect(user.attributes[.department]?.value == "Ops" && user.attributes[.position]?.value == "Network engineer")
        #expect(user.groups?.isEmpty == true && user.companies?.map(\.value) == ["Acme Inc"])
    }
}
