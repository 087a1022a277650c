import EstateModel
import Foundation
import InvGateWire
import Planner
import Reconciler
import TestSupport
import Testing

/// The schemas of the files deskform writes describe every key of them: each object says which keys it
/// holds, and a key written but not described is a violation.
@Suite("specs/plan-file.schema.json and specs/journal.schema.json")
struct FileFormatSchemaTests {
    static func json(_ value: some Encodable) throws -> JSONValue {
        try JSONValue.parse(Array(try FileCoding.encoder(pretty: false).encode(value)))
    }

    @Test("every object of the schema lists its keys or says what any key holds", arguments: ["plan-file.schema.json", "journal.schema.json"])
    func closed(name: String) throws {
        #expect(try SchemaCheck.spec(name).openObjects() == [])
    }

    @Test("a saved plan of every operation is described, key by key")
    func everyOperation() throws {
        #expect(try SchemaCheck.spec("plan-file.schema.json").violations(of: Self.json(FormatSamples.planFile)) == [])
    }

    @Test("the files of today's formats that plan --out and apply wrote (Fixtures/releases) are described, line by line")
    func releasedFiles() throws {
        let current = try #require(EarlierReleaseFileTests.releases.last)
        let plans = try SchemaCheck.spec("plan-file.schema.json")
        for path in [current.planFile, current.everyOperation] {
            #expect(plans.violations(of: try JSONValue.parse(Data(contentsOf: URL(fileURLWithPath: path)))) == [], "\(path)")
        }
        let journal = try SchemaCheck.spec("journal.schema.json")
        let lines = try String(contentsOfFile: current.journal, encoding: .utf8).split(separator: "\n")
        #expect(lines.count > 2)
        for (index, line) in lines.enumerated() {
            #expect(journal.violations(of: try JSONValue.parse(Array(line.utf8))) == [], "line \(index + 1)")
        }
    }

    @Test("the schema names every operation type, and the sample holds each")
    func operationTypes() throws {
        let schema = try SchemaCheck.spec("plan-file.schema.json")
        let described = schema.root["$defs"]?["operation"]?["oneOf"]?.elements?.compactMap { $0["properties"]?["type"]?["const"]?.string }
        #expect(Set(described ?? []) == Set(EstateOperation.Tag.allCases.map(\.rawValue)))
        #expect(described?.count == EstateOperation.Tag.allCases.count)
        let sampled = try FormatSamples.operations.map { try Self.json($0)["type"]?.string }
        #expect(Set(sampled.compactMap { $0 }) == Set(EstateOperation.Tag.allCases.map(\.rawValue)))
    }

    @Test("saved plans and the state before an apply of random estates are described", arguments: propertySeeds(20))
    func randomPlans(seed: UInt64) throws {
        var generator = EstateGenerator(seed: seed)
        let live = generator.liveEstate()
        let plan = try Planner.plan(desired: generator.desiredState(over: live), live: live, fetched: Set(ObjectKind.allCases))
        let file = PlanFile(target: "https://acme.example", scope: .everything, live: live, plan: plan)
        let planViolations = try SchemaCheck.spec("plan-file.schema.json").violations(of: Self.json(file))
        #expect(planViolations == [], "\(planViolations.prefix(5))")
        let before = StateBeforeApply(target: "https://acme.example", plan: plan, state: Fixtures.withDeletedTwin(live))
        let stateViolations = try SchemaCheck.spec("journal.schema.json").violations(of: Self.json(before))
        #expect(stateViolations == [], "\(stateViolations.prefix(5))")
    }

    @Test("a key written but not described is a violation, wherever it is")
    func undescribedKey() throws {
        let text = String(decoding: try FileCoding.encoder(pretty: false).encode(FormatSamples.planFile), as: UTF8.self)
        func check(_ replacing: String, _ with: String) throws -> [String] {
            #expect(text.contains(replacing))
            let changed = text.replacingOccurrences(of: replacing, with: with)
            return try SchemaCheck.spec("plan-file.schema.json").violations(of: JSONValue.parse(Array(changed.utf8)))
        }
        #expect(try check(#""plan":{"#, #""plan":{"surplus":1,"#) == ["$.plan: unexpected surplus"])
        #expect(try check(#""scope":{"#, #""scope":{"users":true,"#) == ["$.scope: unexpected users"])
        #expect(
            try check(#"{"name":"Globex","type":"create_company"}"#, #"{"name":"Globex","type":"create_company","parent_id":1}"#) == [
                "$.plan.steps[1].operation: matches 0 of the oneOf schemas, not 1"
            ])
        let state = String(
            decoding: try FileCoding.encoder(pretty: false).encode(
                StateBeforeApply(target: "local", plan: Plan(), state: Fixtures.demoEstate)), as: UTF8.self)
        let surplus = state.replacingOccurrences(of: #""is_deleted":false,"#, with: #""is_deleted":false,"surname":"","#)
        let found = try SchemaCheck.spec("journal.schema.json").violations(of: JSONValue.parse(Array(surplus.utf8)))
        #expect(found == ["$: matches 0 of the oneOf schemas, not 1"])
        let inner = try SchemaCheck.spec("journal.schema.json").violations(
            of: JSONValue.parse(Array(surplus.utf8)), against: .object([("$ref", .string("#/$defs/before_apply"))]))
        #expect(inner.count == Fixtures.demoEstate.users.count)
        #expect(inner.allSatisfy { $0.hasPrefix("$.state.users.") && $0.hasSuffix(": unexpected surname") })
    }
}
