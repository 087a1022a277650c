import Foundation
import InvGateWire

extension InvGateClient {
    /// The `Authorization` header for a request, and the bearer token in it (to invalidate after a 401).
    func authorization(_ endpoint: Endpoint, _ method: Method) async throws(InvGateError) -> (header: String?, token: String?) {
        switch credentials {
        case .none:
            return (nil, nil)
        case .basic(let username, let token):
            return ("Basic " + Data("\(username):\(token)".utf8).base64EncodedString(), nil)
        case .oauth2(let clientID, let clientSecret, let tokenURL):
            do {
                let transport = self.transport
                let token = try await tokens.token {
                    try await Self.fetchToken(transport: transport, tokenURL: tokenURL, clientID: clientID, clientSecret: clientSecret)
                }
                return ("Bearer " + token, token)
            } catch let error as InvGateError.Reason {
                throw InvGateError(endpoint, method, error)
            } catch {
                throw InvGateError(endpoint, method, .authentication(String(describing: error)))
            }
        }
    }

    /// POSTs the client credentials to the token endpoint and reads `access_token` and `expires_in`.
    static func fetchToken(
        transport: any HTTPTransport, tokenURL: String, clientID: String, clientSecret: String
    ) async throws(InvGateError.Reason) -> (String, Duration) {
        let body: FormParameters = [
            "grant_type": .string("client_credentials"), "client_id": .string(clientID),
            "client_secret": .string(clientSecret),
        ]
        let request = WireRequest(
            method: .post, url: tokenURL,
            headers: [("Content-Type", "application/x-www-form-urlencoded"), ("Accept", "application/json")],
            body: Array(FormEncoding.encode(body).utf8)
        )
        let response: WireResponse
        do {
            response = try await transport.send(request)
        } catch {
            switch error {
            case .cannotConnect(let fault): throw .cannotConnect(fault)
            case .cancelled: throw .cancelled
            default: throw .authentication("the token endpoint could not be reached")
            }
        }
        guard (200..<300).contains(response.status) else {
            throw .authentication("the token endpoint answered HTTP \(response.status)")
        }
        guard let json = try? JSONValue.parse(response.body), let token = json["access_token"]?.string, !token.isEmpty else {
            throw .authentication("the token endpoint's answer has no access_token")
        }
        let lifetime = json["expires_in"]?.int ?? 3600
        return (token, .seconds(lifetime))
    }
}
