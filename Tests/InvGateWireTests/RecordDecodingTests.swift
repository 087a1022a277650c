import InvGateWire
import Testing

@Suite("Records: decoding what the real API returns")
struct RecordDecodingTests {
    @Test("relation answers as {id: true} maps and [{id, value}] lists")
    func relationAnswers() throws {
        #expect(
            try RelationAnswer(json: JSONValue.parse(Array(#"{"12": true, "13": false}"#.utf8))) == RelationAnswer([12: true, 13: false]))
        #expect(
            try RelationAnswer(json: JSONValue.parse(Array(#"[{"id": 3, "value": false}, {"id": "4", "value": 1}]"#.utf8)))
                == RelationAnswer([3: false, 4: true]))
        #expect(throws: RecordDecodingError.self) { try RelationAnswer(json: .string("ok")) }
    }

    @Test("custom field types as a list or as a code → description map")
    func fieldTypes() throws {
        let map = try CustomFieldTypeRecord.decodeList(
            JSONValue.parse(Array(#"{"104": "Option List (Custom Keys)", "4": "Text Field (String)"}"#.utf8)))
        #expect(Set(map.map(\.id)) == [4, 104])
        let list = try CustomFieldTypeRecord.decodeList(JSONValue.parse(Array(#"[{"id": "105", "name": "Tree"}]"#.utf8)))
        #expect(list == [CustomFieldTypeRecord(id: 105, name: "Tree")])
    }

    @Test("users.by pages are maps keyed by id with a next page key")
    func usersPage() throws {
        let json = try JSONValue.parse(
            Array(
                #"{"next_page_key":"abc","data":{"7":{"id":7,"username":"grace","email":"grace@acme.example","is_disabled":false}}}"#.utf8))
        let page = try UsersPage(json: json)
        #expect(page.nextPageKey == "abc")
        #expect(page.users.map(\.username) == ["grace"])
        #expect(
            try UsersPage(json: JSONValue.parse(Array(#"{"next_page_key":null,"data":[]}"#.utf8))) == UsersPage(users: [], nextPageKey: nil)
        )
    }

    @Test("the parser keeps key order, decodes escapes and surrogate pairs, and rejects malformed input")
    func parser() throws {
        let json = try JSONValue.parse(Array(#"{"b": [1, -2.5e1, true, null], "a": "x\"y\u00e9\ud83d\ude80\n", "c": {}}"#.utf8))
        #expect(
            json
                == .object([
                    ("b", .array([.number(1), .number(-25), .bool(true), .null])), ("a", .string("x\"yé🚀\n")), ("c", .object([])),
                ]))
        #expect(json.serialized() == Array(#"{"b":[1,-25,true,null],"a":"x\"yé🚀\n","c":{}}"#.utf8))
        for bad in ["{", "[1,]", #"{"a" 1}"#, "tru", "1 2", #""\x""#, ""] {
            #expect(throws: (any Error).self, "\(bad)") { try JSONValue.parse(Array(bad.utf8)) }
        }
    }
}
