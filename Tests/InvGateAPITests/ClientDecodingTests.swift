import InvGateAPI
import InvGateWire
import Testing

@Suite("Client: decoding what the real API returns")
struct ClientDecodingTests {
    private func client(answering body: String) -> (InvGateClient, ScriptedTransport) {
        let transport = ScriptedTransport([.answer(.json(200, body))])
        return (InvGateClient(instanceURL: "http://127.0.0.1:1", credentials: .none, transport: transport, retryPolicy: .quick), transport)
    }

    @Test("a bare false is a missing user")
    func missingUser() async throws {
        let (client, transport) = client(answering: "false")
        #expect(try await client.user(id: 99) == nil)
        #expect(transport.requests.first?.url == "http://127.0.0.1:1/api/v1/user?id=99&include_disabled=1")
    }

    @Test("ids as strings, nulls where a field is unset")
    func stringsAndNulls() async throws {
        let (client, _) = client(
            answering: #"[{"id":"3","name":"Madrid","parent_id":null,"total":"2"},{"id":4,"name":"Floor 2","parent_id":"3"}]"#)
        #expect(
            try await client.locations() == [
                LocationRecord(id: 3, name: "Madrid", parentID: nil, total: 2),
                LocationRecord(id: 4, name: "Floor 2", parentID: 3, total: 0),
            ])
    }

    @Test("list options from `key-value` in the API's order, PHP's [] meaning none")
    func listOptions() async throws {
        let (client, _) = client(answering: #"{"key-value": {"it": "IT", "hr": "Human Resources"}}"#)
        #expect(try await client.listOptions(field: 1) == [.init("it", "IT"), .init("hr", "Human Resources")])
        let (empty, _) = self.client(answering: #"{"key-value": []}"#)
        #expect(try await empty.listOptions(field: 1) == [])
    }

    @Test("an answer of the wrong shape is a malformed-answer error naming the field")
    func malformed() async {
        let (client, _) = client(answering: #"[{"name":"no id"}]"#)
        await #expect(throws: InvGateError(.companies, .get, .malformedAnswer(#"company: expected id, found nothing"#))) {
            _ = try await client.companies()
        }
    }
}
