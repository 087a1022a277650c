import Hummingbird
import HummingbirdTesting
import InvGateWire
import Simulator
import Testing

/// The router as a client meets it: every operation of the catalogue is answered by a handler (not
/// a 404 or 405), every other method of a catalogued endpoint is 405, and an unknown endpoint is 404.
@Suite struct RouteTableTests {
    static func method(_ method: InvGateWire.Method) -> HTTPRequest.Method {
        switch method {
        case .get: .get
        case .post: .post
        case .put: .put
        case .delete: .delete
        }
    }

    @Test("every catalogued operation reaches a handler; other methods are 405; unknown endpoints 404")
    func routerAnswersTheCatalogue() async throws {
        let catalogued = Set(Catalogue.operations.map { "\($0.method.rawValue) \($0.endpoint.rawValue)" })
        try await withRouter { client, _ in
            for endpoint in Endpoint.allCases {
                for method in InvGateWire.Method.allCases {
                    let answer = try await client.send(
                        Self.method(method), endpoint.rawValue, query: "id=1", form: method.sendsBody ? "id=1" : nil)
                    if catalogued.contains("\(method.rawValue) \(endpoint.rawValue)") {
                        #expect(
                            answer.status != 404 || answer.error?.hasPrefix("There is no") == true, "\(method) \(endpoint): \(answer.body)")
                        #expect(answer.status != 405, "\(method) \(endpoint) is catalogued but not routed")
                    } else {
                        #expect(answer.status == 405, "\(method) \(endpoint) answered \(answer.status)")
                        #expect(answer.error == "The endpoint \(endpoint.rawValue) does not accept \(method.rawValue).")
                    }
                }
            }
            let unknown = try await client.send(.get, "companies.nonsense")
            #expect(unknown.status == 404)
        }
    }
}
