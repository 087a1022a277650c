import EstateModel
import Foundation
import InvGateWire
import Planner
import TestSupport
import Testing

@Suite("specs/plan.schema.json")
struct PlanSchemaTests {
    static func schema() throws -> SchemaCheck {
        SchemaCheck(root: try JSONValue.parse(Data(contentsOf: URL(fileURLWithPath: Golden.path("specs/plan.schema.json")))))
    }

    @Test("documents the JSON plans of the examples", arguments: ["acme", "msp"])
    func examples(example: String) throws {
        let plan = try JSONValue.parse(Data(contentsOf: Golden.directory.appendingPathComponent("\(example).plan.json")))
        #expect(try Self.schema().violations(of: plan) == [])
    }

    @Test("documents plans with every kind of change: deletions, replaces, renames, consequences")
    func randomPlans() throws {
        let schema = try Self.schema()
        var actions: Set<String> = []
        for seed in UInt64(1)...40 {
            var generator = EstateGenerator(seed: seed)
            let live = generator.liveEstate()
            let plan = try Planner.plan(desired: generator.desiredState(over: live), live: live, fetched: Set(ObjectKind.allCases))
            let json = plan.json(target: "https://acme.example")
            #expect(schema.violations(of: json) == [], "seed \(seed)")
            actions.formUnion(plan.changes.map(\.action.rawValue))
        }
        #expect(actions == ["create", "update", "delete", "replace"])
    }

    @Test("the check itself rejects what the schema forbids")
    func checkCanFail() throws {
        let bad = try JSONValue.parse(Array(#"{"format_version": 1, "target": 3, "summary": {}, "extra": true}"#.utf8))
        #expect(
            try Self.schema().violations(of: bad) == [
                "$: missing policy", "$: missing outcome", "$: missing unmanaged", "$: missing changes", "$: missing steps",
                "$: missing warnings", "$.format_version: not 2", "$.target: integer is not [\"string\"]",
                "$.summary: missing add", "$.summary: missing change", "$.summary: missing destroy", "$.summary: missing unmanaged",
                "$: unexpected extra",
            ])
    }
}
