import InvGateWire
import Testing

@Suite("Form encoding")
struct FormEncodingTests {
    @Test("arrays are PHP-style, dictionaries keyed, booleans 1/0, order kept")
    func phpStyle() {
        let parameters: FormParameters = [
            "id": .integer(7), "users": .array([1, 2]), "key_values": .dictionary([.init("it", "IT"), .init("hr", "HR")]),
            "unlink_users_too": .boolean(true), "exact_match": .boolean(false),
        ]
        #expect(
            FormEncoding.encode(parameters)
                == "id=7&users%5B%5D=1&users%5B%5D=2&key_values%5Bit%5D=IT&key_values%5Bhr%5D=HR&unlink_users_too=1&exact_match=0"
        )
    }

    @Test("reserved characters and any Unicode are percent-encoded as UTF-8")
    func percentEncoding() {
        let parameters: FormParameters = [
            "name": .string("R&D = +1 [Madrid] 50% café 東京 🚀"), "key_values": .dictionary([.init("a]b&c", "x=y")]),
        ]
        #expect(
            FormEncoding.encode(parameters)
                == "name=R%26D%20%3D%20%2B1%20%5BMadrid%5D%2050%25%20caf%C3%A9%20%E6%9D%B1%E4%BA%AC%20%F0%9F%9A%80"
                + "&key_values%5Ba%5Db%26c%5D=x%3Dy"
        )
    }

    @Test("an empty array sends nothing; an empty string is sent empty")
    func emptyValues() {
        #expect(FormEncoding.encode(["users": .array([String]()), "name": .string("")]) == "name=")
    }

    @Test("what is encoded decodes back to the same typed parameters")
    func roundTrip() throws {
        let spec = try #require(Catalogue.operation(.customFieldListOptions, .post))
        let sent: FormParameters = [
            "uid": .integer(3), "type": .string("key-value"),
            "key_values": .dictionary([.init("a&b", "Ä + B"), .init("[x]", "=")]),
        ]
        let received = ReceivedParameters(query: nil, body: FormEncoding.encode(sent))
        #expect(try received.read(for: spec) == sent)
    }

    @Test("a server reads `+` as a space, literal brackets, indexed arrays, and the body over the query")
    func lenientReading() throws {
        let spec = try #require(Catalogue.operation(.companiesUsers, .post))
        let received = ReceivedParameters(query: "id=1&users[0]=5", body: "id=2&users[1]=6")
        #expect(try received.read(for: spec) == ["id": .integer(2), "users": .array(["5", "6"])])
        let named = try #require(Catalogue.operation(.groups, .post))
        #expect(try ReceivedParameters(query: "name=Acme+IT", body: nil).read(for: named) == ["name": .string("Acme IT")])
    }

    @Test("booleans: 1/0 and true/false are accepted, anything else is a wrong type")
    func booleans() throws {
        let spec = try #require(Catalogue.operation(.companiesGroups, .delete))
        for (text, value) in [("1", true), ("true", true), ("0", false), ("false", false)] {
            let read = try ReceivedParameters(query: "id=1&groups[]=2&unlink_users_too=\(text)", body: nil).read(for: spec)
            #expect(read["unlink_users_too"] == .boolean(value))
        }
        #expect(throws: ParameterProblem.wrongType("unlink_users_too", .boolean)) {
            try ReceivedParameters(query: "id=1&groups[]=2&unlink_users_too=yes", body: nil).read(for: spec)
        }
    }

    @Test("a comma list or a scalar where an array is expected is a wrong type; a missing one is missing")
    func arrays() throws {
        let spec = try #require(Catalogue.operation(.companiesUsers, .post))
        #expect(throws: ParameterProblem.wrongType("users", .array)) {
            try ReceivedParameters(query: "id=1&users=1,2", body: nil).read(for: spec)
        }
        #expect(throws: ParameterProblem.missing("users")) {
            try ReceivedParameters(query: "id=1", body: nil).read(for: spec)
        }
        #expect(throws: ParameterProblem.wrongType("id", .integer)) {
            try ReceivedParameters(query: "id=one&users[]=1", body: nil).read(for: spec)
        }
    }
}
