import EstateModel
import Hummingbird
import HummingbirdTesting
import InvGateWire
import Simulator
import Testing

/// The rough dialect answers as live instances do; the client reads both (see the end-to-end suites).
@Suite("Simulator: the rough dialect")
struct RoughDialectTests {
    static var rough: SimulatorOptions {
        var options = SimulatorOptions()
        options.dialect = .rough
        return options
    }

    @Test("numbers as strings, booleans as 1/0, users as a map keyed by id")
    func scalarsAndMaps() async throws {
        try await withRouter(options: Self.rough) { client, _ in
            #expect(
                try await client.send(.get, "companies").body
                    == #"[{"id":"1","name":"Acme","external_id":"ACME","total":"1"}]"#)
            let users = try #require(try await client.send(.get, "users", query: "include_disabled=1").json)
            #expect(users.pairs?.map(\.key) == ["1", "2", "3"])
            #expect(users["3"]?["is_disabled"] == .number(1) && users["3"]?["id"] == .string("3"))
            let memberships = try #require(try await client.send(.get, "users.groups", query: "ids[]=1").json)
            #expect(memberships["1"]?["groups"] == .object([("1", .string("1"))]))
        }
    }

    @Test("lists come in pages: 20 rows unless page_size says otherwise; KB categories always 20")
    func pages() async throws {
        var estate = try smallEstate()
        for id in 10..<35 { estate.kbCategories[id] = KBCategory(id: id, name: "C\(id)", parentID: nil) }
        for id in 10..<35 { estate.groups[id] = Group(id: id, name: "G\(id)") }
        let seeded = estate
        try await withRouter(estate: seeded, options: Self.rough) { client, _ in
            func count(_ endpoint: String, _ query: String) async throws -> Int? {
                let json = try await client.send(.get, endpoint, query: query).json
                return json?.elements?.count ?? json?.pairs?.count
            }
            var counts: [Int?] = []
            for (endpoint, query) in [
                ("groups", ""), ("groups", "page=2"), ("groups", "page=1&page_size=500"),
                ("kb.categories", "page=1&page_size=500"), ("kb.categories", "page=2&page_size=500"),
                ("kb.categories", "page=3&page_size=500"),
            ] {
                counts.append(try await count(endpoint, query))
            }
            #expect(counts == [20, 6, 26, 20, 7, 0])
        }
    }

    @Test("refusals: an unknown id and a bad value on HTTP 200; a missing or mistyped parameter 428 in Spanish")
    func refusals() async throws {
        try await withRouter(options: Self.rough) { client, _ in
            let unknown = try await client.send(.delete, "companies", query: "id=42")
            #expect(unknown.status == 200 && unknown.body == #"{"status":"ERROR","error":"There is no company with id 42."}"#)
            let missing = try await client.send(.delete, "companies")
            #expect(missing.status == 428 && missing.error == "Falta el parámetro obligatorio id.")
            let comma = try await client.send(.post, "groups.users", form: "id=1&users=1,2")
            #expect(comma.status == 428 && comma.error == "El parámetro users debe ser de tipo ARRAY.")
        }
    }

    @Test("one object where a list has one element; tree children keyed by hash")
    func singleObjectsAndKeyedChildren() async throws {
        try await withRouter(options: Self.rough) { client, _ in
            #expect(
                try await client.send(.post, "groups.observers", form: "id=1&observer_users[]=1").body == #"{"id":"1","value":1}"#)
            #expect(try await client.send(.get, "helpdesks", query: "id=1").json?["name"] == .string("Service Desk"))
            let tree = try #require(try await client.send(.get, "cf.field.options.tree", query: "uid=2").json?.elements)
            let children = try #require(tree.first?["children"]?.pairs)
            #expect(children.map(\.value["name"]) == [.string("Madrid")])
            #expect(children.first?.key == children.first?.value["hash"]?.string)
        }
    }
}
