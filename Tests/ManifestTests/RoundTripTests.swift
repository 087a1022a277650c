import Manifest
import Testing

/// Export (the YAML encoder) and load again give the same estate, including values YAML would
/// otherwise read as something else.
@Suite struct RoundTripTests {
    @Test func trickyValuesSurviveExportAndReload() {
        let estate = DesiredEstate(
            companies: [
                DesiredCompany(name: "true", externalID: Located("007"), previousNames: [Located("null")],
                               groups: [], members: [UserReference(.id(42)), UserReference(.email("a@b.example"))],
                               observers: nil, protect: true),
                DesiredCompany(name: "Ünïcödé: Ltd #1", absent: true),
            ],
            groups: [DesiredGroup(name: "- dash", members: [UserReference(.username("yes"))])],
            locations: [DesiredLocation(name: "HQ", children: [DesiredLocation(name: "1.5", observers: [])])],
            helpDesks: [DesiredHelpDesk(name: "Service Desk", levels: [
                DesiredLevel(selector: .order(2), observers: []), DesiredLevel(selector: .name("Level 1")),
            ])],
            kbCategories: [DesiredKBCategory(name: "~", children: [DesiredKBCategory(name: "[x]", protect: true)])],
            customFields: [
                DesiredCustomField(field: "1234", options: [DesiredListOption(key: "no", value: "No"), DesiredListOption(key: "2", value: "")]),
                DesiredCustomField(field: "Office", tree: [DesiredTreeOption(name: "Europe", key: Located("eu"), children: [
                    DesiredTreeOption(name: "Madrid"),
                ])]),
            ],
            policy: Policy(prune: [Located(.kbCategories)], ignore: [Located("Legacy *")], maxDeletes: Located(0))
        )
        let yaml = estate.yaml()
        let load = ManifestLoader().load(sources: [ManifestSource(path: "export.yaml", text: yaml)])
        // The empty option value is refused on the way back in: export never invents values.
        #expect(DiagnosticRenderer().render(load.diagnostics).contains("option value is empty"))
        var expected = estate
        expected.customFields[0].options = [DesiredListOption(key: "no", value: "No")]
        #expect(load.estate.withoutLocations() == expected)
        #expect(load.estate.customFields[0].uid == 1234)
    }

    @Test func exportStartsWithTheSchemaCommentWhenAsked() {
        let yaml = DesiredEstate(groups: [DesiredGroup(name: "Acme IT")]).yaml(schemaComment: "specs/manifest.schema.json")
        #expect(yaml == """
            # yaml-language-server: $schema=specs/manifest.schema.json
            groups:
            - name: Acme IT

            """)
        #expect(DesiredEstate().yaml() == "{}\n")
    }
}
