import EstateModel
import Foundation
import Hummingbird
import HummingbirdTesting
import InvGateWire
import Simulator
import TestSupport

/// One answer as a test reads it.
struct Answer {
    var status: Int
    var headers: HTTPFields
    var body: String

    var json: JSONValue? { try? JSONValue.parse(Array(body.utf8)) }
    var error: String? { json?["error"]?.string }
}

/// A small estate with one of everything, for exact answers.
let smallSeed = """
    users:
      - {id: 1, username: alice, email: alice@acme.example, name: Alice, lastname: Smith}
      - {id: 2, username: bob, email: bob@acme.example, name: Bob}
      - {id: 3, username: carol, email: carol@acme.example, name: Carol, disabled: true}
    helpdesks:
      - id: 1
        name: Service Desk
        members: [1]
        observers: [2]
        levels:
          - {id: 3, name: Level 1, order: 1, members: [1, 2]}
    request_categories:
      - {id: 1, name: Hardware}
    custom_fields:
      - {uid: 1, label: Department, type: 104, categories: [1], options: {sales: Sales, it: IT}}
      - uid: 2
        label: Office
        type: 105
        tree:
          - {name: Europe, key: eu, children: [{name: Madrid, key: mad}]}
      - {uid: 3, label: Asset Tag, type: 1, required: true, description: Sticker}
    groups:
      - {id: 1, name: IT, members: [1, 2], observers: [3]}
    companies:
      - {id: 1, name: Acme, external_id: ACME, members: [1], groups: [1], observers: [2]}
    locations:
      - {id: 1, name: Madrid, members: [2]}
      - {id: 2, name: Floor 2, parent: 1}
    kb_categories:
      - {id: 1, name: IT}
      - {id: 2, name: Network, parent: 1}
    """

func smallEstate() throws -> Estate { try Seed.load(yaml: smallSeed, file: "small.yaml") }

/// Runs `body` against a simulator's router (no network), over a store the test can inspect.
func withRouter(
    estate: Estate? = nil, options: SimulatorOptions = SimulatorOptions(), store: SimulatorStore? = nil,
    _ body: @Sendable (any TestClientProtocol, SimulatorStore) async throws -> Void
) async throws {
    let store = try store ?? SimulatorStore(estate: estate ?? smallEstate(), faultSeed: options.faultSeed)
    let application = buildApplication(options, store: store, logger: Fixtures.quietLogger)
    try await application.test(.router) { client in try await body(client, store) }
}

extension TestClientProtocol {
    /// Sends a request to `/api/v1/<endpoint>` with the query string and an optional form body,
    /// authenticated as `api:deskform` unless `authorization` says otherwise.
    func send(
        _ method: HTTPRequest.Method, _ endpoint: String, query: String = "", form: String? = nil,
        authorization: String? = "Basic " + Data("api:deskform".utf8).base64EncodedString()
    ) async throws -> Answer {
        var headers = HTTPFields()
        if let authorization { headers[.authorization] = authorization }
        if form != nil { headers[.contentType] = "application/x-www-form-urlencoded" }
        let uri = "/api/v1/\(endpoint)" + (query.isEmpty ? "" : "?\(query)")
        return try await execute(
            uri: uri, method: method, headers: headers, body: form.map { ByteBuffer(string: $0) }
        ) { response in
            Answer(status: Int(response.status.code), headers: response.headers, body: String(buffer: response.body))
        }
    }
}
