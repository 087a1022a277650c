import Foundation
import Testing

@testable import Manifest

@Suite struct SchemaTests {
    static let committed = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("specs/manifest.schema.json")

    @Test func committedSchemaIsTheGeneratedOne() throws {
        let committed = try String(contentsOf: Self.committed, encoding: .utf8)
        #expect(committed == ManifestSchema.json, "regenerate it: swift run deskform schema > specs/manifest.schema.json")
    }

    @Test func schemaIsDraft2020AndNamesEveryKeyOfTheFormat() throws {
        let object = try #require(JSONSerialization.jsonObject(with: Data(ManifestSchema.json.utf8)) as? [String: Any])
        #expect(object["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        let properties = try #require(object["properties"] as? [String: Any])
        #expect(Set(properties.keys) == Set(ManifestFormat.topLevel.keys))
        let definitions = try #require(object["$defs"] as? [String: Any])
        let shapes: [String: ManifestFormat.Shape] = [
            "company": ManifestFormat.company, "group": ManifestFormat.group, "location": ManifestFormat.location,
            "helpdesk": ManifestFormat.helpDesk, "level": ManifestFormat.level, "kbCategory": ManifestFormat.kbCategory,
            "customField": ManifestFormat.customField, "treeOption": ManifestFormat.treeOption, "policy": ManifestFormat.policy,
        ]
        for (name, shape) in shapes {
            let definition = try #require(definitions[name] as? [String: Any], "\(name)")
            let keys = try #require(definition["properties"] as? [String: Any])
            #expect(Set(keys.keys) == Set(shape.keys), "\(name)")
            #expect(definition["additionalProperties"] as? Bool == false, "\(name)")
        }
    }
}
