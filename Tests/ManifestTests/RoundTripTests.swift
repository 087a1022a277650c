import Manifest
import Testing

/// Export (the YAML encoder) and load again give the same estate, including values YAML would
/// otherwise read as something else.
@Suite struct RoundTripTests {
    @Test func trickyValuesSurviveExportAndReload() {
        let estate = DeclaredEstate(
            companies: [
                DeclaredCompany(
                    name: "true", externalID: Located("007"), previousNames: [Located("null")],
                    groups: [], members: [UserReference(.id(42)), UserReference(.email("a@b.example"))],
                    observers: nil, protect: true),
                DeclaredCompany(name: "Ünïcödé: Ltd #1", absent: true),
            ],
            groups: [DeclaredGroup(name: "- dash", members: [UserReference(.username("yes"))])],
            locations: [DeclaredLocation(name: "HQ", children: [DeclaredLocation(name: "1.5", observers: [])])],
            helpDesks: [
                DeclaredHelpDesk(
                    name: "Service Desk",
                    levels: [
                        DeclaredLevel(selector: .order(2), observers: []), DeclaredLevel(selector: .name("Level 1")),
                    ])
            ],
            kbCategories: [DeclaredKBCategory(name: "~", children: [DeclaredKBCategory(name: "[x]", protect: true)])],
            customFields: [
                DeclaredCustomField(
                    field: "1234", options: [DeclaredListOption(key: "no", value: "No"), DeclaredListOption(key: "2", value: "")]),
                DeclaredCustomField(
                    field: "Office",
                    tree: [
                        DeclaredTreeOption(
                            name: "Europe", key: Located("eu"),
                            children: [
                                DeclaredTreeOption(name: "Madrid")
                            ])
                    ]),
            ],
            policy: Policy(prune: [Located(.kbCategories)], ignore: [Located("Legacy *")], maxDeletes: Located(0))
        )
        let yaml = estate.yaml()
        let load = ManifestLoader().load(sources: [ManifestSource(path: "export.yaml", text: yaml)])
        // The empty option value is refused on the way back in: export never invents values.
        #expect(DiagnosticRenderer().render(load.diagnostics).contains("option value is empty"))
        var expected = estate
        expected.customFields[0].options = [DeclaredListOption(key: "no", value: "No")]
        #expect(load.estate.withoutPositions() == expected)
        #expect(load.estate.customFields[0].uid == 1234)
    }

    @Test func exportStartsWithTheSchemaCommentWhenAsked() {
        let yaml = DeclaredEstate(groups: [DeclaredGroup(name: "Acme IT")]).yaml(schemaComment: "specs/manifest.schema.json")
        #expect(
            yaml == """
                # yaml-language-server: $schema=specs/manifest.schema.json
                groups:
                - name: Acme IT

                """)
        #expect(DeclaredEstate().yaml() == "{}\n")
    }
}
