import EstateModel
import Manifest
import Testing

@Suite struct ModelTests {
    @Test func userReferencesAreUsernamesEmailsOrIds() {
        #expect(UserReference(parsing: "alice").key == .username("alice"))
        #expect(UserReference(parsing: "bob@acme.example").key == .email("bob@acme.example"))
        #expect(UserReference(parsing: "42").key == .id(42))
        #expect(UserReference(parsing: "Alice").key.identity == UserReference(parsing: "alice").key.identity)
    }

    @Test(arguments: [
        ("membres", "members"), ("group", "groups"), ("childs", "children"), ("child", "children"),
        ("observer", "observers"), ("externalId", "external_id"), ("previous-names", "previous_names"),
        ("protected", "protect"),
    ])
    func didYouMeanFindsTheIntendedKey(_ typo: String, _ intended: String) {
        let keys = ["name", "external_id", "previous_names", "groups", "members", "observers", "protect", "absent", "children"]
        let aliases = ["childs": "children", "child": "children", "protected": "protect"]
        #expect(Suggestion.closest(to: typo, among: keys, aliases: aliases) == intended)
    }

    @Test func didYouMeanStaysQuietForUnrelatedWords() {
        #expect(Suggestion.closest(to: "settings", among: ["companies", "groups", "locations", "policy"]) == nil)
        #expect(Suggestion.closest(to: "x", among: ["name"]) == nil)
    }

    @Test func globPatternsMatchWholeNames() {
        #expect(GlobPattern("Legacy *").matches("Legacy Sales"))
        #expect(!GlobPattern("Legacy *").matches("Not Legacy Sales"))
        #expect(GlobPattern("Floor ?").matches("Floor 2"))
        #expect(GlobPattern("[!A]*").matches("Beta") && !GlobPattern("[!A]*").matches("Alpha"))
        #expect(GlobPattern("Archive/*").matches("Archive/2020"))
        #expect(GlobPattern.problem(in: "Legacy [") == "a '[' is never closed")
    }

    @Test func locationsAreKeptOnEveryObjectAndReference() {
        let load = ManifestLoader().load(sources: [
            ManifestSource(
                path: "m.yaml",
                text: """
                    companies:
                      - name: Acme
                        groups: [IT]
                        members:
                          - alice
                    helpdesks:
                      - name: Service Desk
                        levels: [{order: 2, observers: [heidi]}]
                    custom_fields:
                      - field: Office
                        tree: [{name: Europe, key: eu}]
                    """)
        ])
        #expect(load.diagnostics.isEmpty)
        let company = load.estate.companies[0]
        #expect(company.position.description == "m.yaml:2:11")
        #expect(company.groups?[0].position.description == "m.yaml:3:14")
        #expect(company.members?[0].position.description == "m.yaml:5:9")
        let level = load.estate.helpDesks[0].levels[0]
        #expect(level.selector == .order(2) && level.position.description == "m.yaml:8:22")
        #expect(level.observers?[0].position.description == "m.yaml:8:37")
        let option = load.estate.customFields[0].tree![0]
        #expect(option.position.description == "m.yaml:11:19" && option.key?.position.description == "m.yaml:11:32")
    }

    @Test func absentRelationsStayUnmanagedAndEmptyOnesAreAuthoritative() {
        let load = ManifestLoader().load(sources: [
            ManifestSource(
                path: "m.yaml",
                text: """
                    groups:
                      - name: Kept
                      - name: Emptied
                        members: []
                    """)
        ])
        #expect(load.estate.groups[0].members == nil)
        #expect(load.estate.groups[1].members == [])
    }

    @Test func policyMergesAcrossFilesButMaxDeletesIsSetOnce() {
        let load = ManifestLoader().load(sources: [
            ManifestSource(path: "a.yaml", text: "policy: {prune: [groups], max_deletes: 5}\n"),
            ManifestSource(path: "b.yaml", text: "policy:\n  prune: [locations]\n  ignore: ['Legacy *']\n  max_deletes: 9\n"),
        ])
        #expect(load.estate.policy.prune.map(\.value) == [.groups, .locations])
        #expect(load.estate.policy.ignore.map(\.value) == ["Legacy *"])
        #expect(
            DiagnosticRenderer().render(load.diagnostics) == """
                b.yaml:4:16: error: 'policy.max_deletes' is set twice
                  hint: first set at a.yaml:1:40

                """)
    }
}
