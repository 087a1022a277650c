import EstateModel
import InvGateAPI
import InvGateWire
import TestSupport
import Testing

@Suite("Client: reading the answers of creates and relation writes")
struct WriteAnswerTests {
    private func client(answering body: String) -> InvGateClient {
        InvGateClient(
            instanceURL: "http://127.0.0.1:1", credentials: .none, transport: ScriptedTransport([.answer(.json(200, body))]),
            retryPolicy: .quick)
    }

    @Test("a create gives the id its answer names: `id`, or `category_id` as a string")
    func createdID() async throws {
        #expect(try await client(answering: #"{"id":41}"#).create(.createGroup(name: "Ops")) == 41)
        #expect(
            try await client(answering: #"{"status":"OK","category_id":"7"}"#).create(.createKBCategory(name: "FAQ", parentID: nil))
                == 7)
    }

    @Test("a create answered without an id is an unexpected answer that quotes it")
    func createWithoutID() async {
        await #expect(throws: InvGateError(.groups, .post, .malformedAnswer(#"the answer carries no id: {"status":"OK"}"#))) {
            try await client(answering: #"{"status":"OK"}"#).create(.createGroup(name: "Ops"))
        }
    }

    @Test("a relation write gives its answer per id; an answer of another shape is an unexpected answer")
    func relationAnswer() async throws {
        let add = EstateOperation.addMembers(.group(3), users: [1, 2])
        #expect(try await client(answering: #"{"1":true,"2":false}"#).relations(add) == RelationAnswer([1: true, 2: false]))
        await #expect {
            try await client(answering: #"{"1":"yes"}"#).relations(add)
        } throws: { error in
            guard let error = error as? InvGateError, case .malformedAnswer = error.reason else { return false }
            return error.endpoint == add.wireCall.endpoint && error.method == .post
        }
    }
}
