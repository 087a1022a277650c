import Foundation
import Hummingbird
import HummingbirdTesting
import InvGateAPI
import InvGateWire
import Simulator
import Testing

/// Errors: non-2xx answers with `{"status": "ERROR", "error": …}`.
@Suite struct ErrorAnswerTests {
    @Test func refusesMissingOrWrongCredentials() async throws {
        try await withRouter { client, _ in
            let none = try await client.send(.get, "companies", authorization: nil)
            #expect(none.status == 401)
            #expect(none.json?["status"]?.string == "ERROR")
            #expect(none.error != nil)
            let wrong = "Basic " + Data("api:wrong".utf8).base64EncodedString()
            #expect(try await client.send(.get, "companies", authorization: wrong).status == 401)
            #expect(try await client.send(.get, "nowhere", authorization: wrong).status == 401)
            #expect(try await client.send(.get, "companies", authorization: "Bearer x").status == 401)
        }
    }

    @Test func refusesWrongTypesWith428() async throws {
        try await withRouter { client, store in
            let comma = try await client.send(.post, "groups.users", form: "id=1&users=1,2")
            #expect(comma.status == 428)
            #expect(comma.body == #"{"status":"ERROR","error":"The parameter users must be of type ARRAY."}"#)
            #expect(try await client.send(.get, "companies", query: "id=abc").status == 428)
            #expect(try await client.send(.post, "groups.users", form: "id=1&users[]=x").status == 428)
            #expect(try await client.send(.get, "users", query: "include_disabled=maybe").status == 428)
            #expect(try await client.send(.post, "cf.field.options.list", form: "uid=1&type=key-value&key_values=x").status == 428)
            #expect(await store.estate == (try smallEstate()))
        }
    }

    @Test func refusesMissingParametersWith400() async throws {
        try await withRouter { client, _ in
            let missing = try await client.send(.post, "groups.users", form: "id=1")
            #expect(missing.status == 400)
            #expect(missing.body == #"{"status":"ERROR","error":"The parameter users is required."}"#)
            #expect(try await client.send(.post, "companies", form: "external_id=X").error == "The parameter name is required.")
            #expect(try await client.send(.get, "user.by").status == 400)
            #expect(try await client.send(.post, "cf.field.options.list", form: "uid=1&type=list&key_values[a]=A").status == 400)
        }
    }

    @Test func refusesUnknownIDs() async throws {
        try await withRouter { client, _ in
            let company = try await client.send(.delete, "companies", query: "id=42")
            #expect(company.status == 404)
            #expect(company.body == #"{"status":"ERROR","error":"There is no company with id 42."}"#)
            #expect(try await client.send(.post, "groups.users", form: "id=1&users[]=99").status == 404)
            #expect(try await client.send(.get, "companies.users", query: "id=7").status == 404)
            #expect(try await client.send(.post, "levels.observers", form: "id=1&observer_users[]=1").status == 404)
            #expect(try await client.send(.get, "cf.field.options.list", query: "uid=2").status == 400)
            #expect(try await client.send(.post, "locations", form: "name=X&parent_id=77").status == 404)
            #expect(try await client.send(.post, "groups", form: "name=%20").status == 400)
        }
    }

    @Test func answersUnknownEndpointsWith404AndMissingMethodsWith405() async throws {
        try await withRouter { client, _ in
            let unknown = try await client.send(.get, "tickets")
            #expect(unknown.status == 404)
            #expect(unknown.json?["status"]?.string == "ERROR")
            let put = try await client.send(.put, "groups", form: "id=1&name=X")
            #expect(put.status == 405)
            #expect(put.body == #"{"status":"ERROR","error":"The endpoint groups does not accept PUT."}"#)
            #expect(try await client.send(.put, "locations", form: "id=1").status == 405)
            #expect(try await client.send(.post, "helpdesks").status == 405)
            #expect(try await client.send(.patch, "companies").status == 405)
        }
    }

    @Test func readsPostBodiesAndQueryStringsTheBodyWinningButNoPutOrDeleteBody() async throws {
        try await withRouter { client, store in
            // Query string only, on a POST.
            #expect(try await client.send(.post, "groups", query: "name=FromQuery").body == #"{"id":2}"#)
            // Both: the body wins for scalars.
            #expect(try await client.send(.post, "groups", query: "name=Loser", form: "name=Winner").body == #"{"id":3}"#)
            // A form body on a DELETE or a PUT is not read, as PHP does not parse one.
            let deleteWithBody = try await client.send(.delete, "groups.users", form: "id=1&users[]=2")
            #expect(deleteWithBody.status == 400)
            #expect(deleteWithBody.error == "The parameter id is required.")
            let putWithBody = try await client.send(.put, "companies", query: "id=1", form: "name=Renamed")
            #expect(putWithBody.status == 200)
            #expect(await store.estate.companies[1]?.name == "Acme")
            #expect(try await client.send(.delete, "groups.users", query: "id=1&users[]=2").body == #"{"2":true}"#)
            // A JSON body is not read.
            var headers = HTTPFields()
            headers[.authorization] = "Basic " + Data("api:deskform".utf8).base64EncodedString()
            headers[.contentType] = "application/json"
            let json = try await client.execute(
                uri: "/api/v1/groups", method: .post, headers: headers, body: ByteBuffer(string: #"{"name":"J"}"#))
            #expect(json.status == .badRequest)
            let names = await store.estate.groups.values.map(\.name).sorted()
            #expect(names == ["FromQuery", "IT", "Winner"])
            #expect(await store.estate.groups[1]?.members == [1])
        }
    }
}
