import InvGateAPI
import InvGateWire
import Testing

/// Every shape in which live instances answer, each read as the reference's would be.
@Suite("Client: answers in every shape real instances use")
struct AnswerShapeTests {
    private func client(_ status: Int = 200, answering body: String) -> InvGateClient {
        InvGateClient(
            instanceURL: "http://127.0.0.1:1", credentials: .none, transport: ScriptedTransport([.answer(.json(status, body))]),
            retryPolicy: .quick)
    }

    @Test(
        "a list as a list, as a map keyed by id (the key filling a missing id), or as one object",
        arguments: [
            #"[{"id":1,"name":"IT","total":"2"}]"#, #"{"1":{"id":"1","name":"IT","total":2}}"#, #"{"1":{"name":"IT","total":"2"}}"#,
            #"{"id":1,"name":"IT","total":2}"#,
        ])
    func listShapes(_ body: String) async throws {
        #expect(try await client(answering: body).groups() == [GroupRecord(id: 1, name: "IT", total: 2)])
    }

    @Test("booleans as true, 1 or \"1\"; numbers as strings", arguments: ["true", "1", #""1""#])
    func booleans(_ flag: String) async throws {
        let users = try await client(answering: #"[{"id":"7","username":"ann","is_disabled":\#(flag),"user_type":"1"}]"#).users()
        #expect(users.map(\.isDisabled) == [true] && users.map(\.id) == [7] && users.map(\.userType) == [1])
    }

    @Test("tree children as a list, an object keyed by hash (the key filling a missing hash), [] or null")
    func treeChildren() async throws {
        let expected = [TreeOptionRecord(key: "eu", hash: "h1", name: "Europe", children: [TreeOptionRecord(key: "mad", hash: "h2", name: "Madrid")])]
        for children in [
            #"[{"key":"mad","hash":"h2","name":"Madrid","children":[]}]"#, #"{"h2":{"key":"mad","hash":"h2","name":"Madrid","children":null}}"#,
            #"{"h2":{"key":"mad","name":"Madrid"}}"#,
        ] {
            let body = #"[{"key":"eu","hash":"h1","name":"Europe","children":\#(children)}]"#
            #expect(try await client(answering: body).treeOptions(field: 2) == expected, "\(children)")
        }
    }

    @Test(
        "HTTP 200 with status ERROR, or with a numeric status and an error, is a refusal, never a success",
        arguments: [
            (#"{"status":"ERROR","error":"No existe"}"#, "No existe"), (#"{"error":"Bad id","status":400}"#, "Bad id"),
            (#"{"error":"Bad id","status":"404"}"#, "Bad id"),
        ])
    func refusalsOn200(_ body: String, _ text: String) async {
        await #expect(throws: InvGateError(.companies, .delete, .refused(error: text, info: nil))) {
            _ = try await client(answering: body).send(EstateOperationCall.deleteCompany)
        }
    }

    @Test("a 428 is a refusal with the API's own words, not retried")
    func parameterRefusal() async {
        let error = await #expect(throws: InvGateError.self) {
            _ = try await client(428, answering: #"{"status":"ERROR","error":"Falta el parámetro obligatorio id."}"#)
                .send(EstateOperationCall.deleteCompany)
        }
        #expect(error?.description == "DELETE companies: HTTP 428, the API refused the call's parameters: Falta el parámetro obligatorio id.")
    }

    @Test("a relation write answered with one object, or with only status OK")
    func relationShapes() throws {
        #expect(try RelationAnswer(json: JSONValue.parse(Array(#"{"id":"3","value":"1"}"#.utf8))) == RelationAnswer([3: true]))
        #expect(try RelationAnswer(json: JSONValue.parse(Array(#"{"status":"OK"}"#.utf8))) == RelationAnswer([:]))
    }

    @Test("a write's answer that does not decode says the call was accepted, then names the endpoint and the shape found")
    func undecodableWrite() async {
        let error = await #expect(throws: InvGateError.self) {
            _ = try await client(answering: #"["ok"]"#).sendRelationChange(WireCall(.groupsUsers, .post, ["id": .integer(1)]))
        }
        #expect(
            error?.description
                == #"POST groups.users: the instance accepted the call, but its answer has an unexpected shape: relation answer: expected {id, value}, found a string "ok""#)
    }
}

/// A DELETE of company 9, for the refusal tests.
enum EstateOperationCall {
    static let deleteCompany = WireCall(.companies, .delete, ["id": .integer(9)])
}
