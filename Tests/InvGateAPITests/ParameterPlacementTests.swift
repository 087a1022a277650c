import EstateModel
import InvGateAPI
import InvGateWire
import Testing

/// Where each method's parameters travel: a POST in a form body, a PUT or DELETE in the query
/// string (arrays as `name[]=`), as every public client of the API sends them.
@Suite("Client: parameter placement")
struct ParameterPlacementTests {
    private func sent(_ operation: EstateOperation) async throws -> WireRequest {
        let transport = ScriptedTransport([.answer(.json(200, #"{"status":"OK","id":7}"#))])
        let client = InvGateClient(instanceURL: "http://127.0.0.1:1", credentials: .none, transport: transport, retryPolicy: .quick)
        _ = try await client.send(operation.wireCall)
        return try #require(transport.requests.first)
    }

    @Test("a PUT sends its parameters in the query string and no body")
    func putInQuery() async throws {
        let request = try await sent(.updateKBCategory(id: 3, name: "Redes & Wi-Fi", parentID: 1))
        #expect(request.method == .put)
        #expect(request.url == "http://127.0.0.1:1/api/v1/kb.categories?id=3&name=Redes%20%26%20Wi-Fi&parent_id=1")
        #expect(request.body == nil)
        #expect(request.header("Content-Type") == nil)
    }

    @Test("a DELETE sends its arrays PHP-style in the query string and no body")
    func deleteInQuery() async throws {
        let request = try await sent(.unrelateGroups(company: 1, groups: [2, 3], unlinkUsers: true))
        #expect(request.url == "http://127.0.0.1:1/api/v1/companies.groups?id=1&groups%5B%5D=2&groups%5B%5D=3&unlink_users_too=1")
        #expect(request.body == nil)
    }

    @Test("a POST keeps a form body and an empty query string")
    func postInBody() async throws {
        let request = try await sent(.addMembers(MembershipTarget(.group, id: 4), users: [1, 2]))
        #expect(request.url == "http://127.0.0.1:1/api/v1/groups.users")
        #expect(request.body.map { String(decoding: $0, as: UTF8.self) } == "id=4&users%5B%5D=1&users%5B%5D=2")
        #expect(request.header("Content-Type") == "application/x-www-form-urlencoded")
    }
}
