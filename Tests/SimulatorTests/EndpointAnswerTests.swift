import EstateModel
import Foundation
import Hummingbird
import HummingbirdTesting
import InvGateWire
import Simulator
import Testing

/// Every endpoint and method, answering the exact shapes of the reference over a small estate.
@Suite struct EndpointAnswerTests {
    struct Step: Sendable {
        var method: HTTPRequest.Method
        var endpoint: String
        var query = ""
        var form: String?
        var expected: String

        init(_ method: HTTPRequest.Method, _ endpoint: String, query: String = "", form: String? = nil, _ expected: String) {
            self.method = method
            self.endpoint = endpoint
            self.query = query
            self.form = form
            self.expected = expected
        }
    }

    static func user(_ id: Int, _ username: String, _ name: String, _ lastname: String = "", disabled: Bool = false) -> String {
        let record = UserRecord(
            id: id, username: username, email: "\(username)@acme.example", name: name, lastname: lastname,
            isDisabled: disabled, isDeleted: false, userType: 2)
        return String(decoding: record.json.serialized(), as: UTF8.self)
    }

    static let alice = user(1, "alice", "Alice", "Smith")
    static let bob = user(2, "bob", "Bob")
    static let carol = user(3, "carol", "Carol", disabled: true)
    static let europe = Estate.optionHash(field: 2, serial: 1)
    static let madrid = Estate.optionHash(field: 2, serial: 2)

    static let organisation: [Step] = [
        Step(.get, "companies", #"[{"id":1,"name":"Acme","external_id":"ACME","total":1}]"#),
        Step(.get, "companies", query: "name=Nope", "[]"),
        Step(.post, "companies", form: "name=Beta&external_id=B", #"{"id":2,"external_id":"B","name":"Beta","status":"OK"}"#),
        Step(.put, "companies", query: "id=2&name=Beta%202", #"{"id":2,"external_id":"B","name":"Beta 2","status":"OK"}"#),
        Step(.get, "companies", query: "external_id=B", #"[{"id":2,"name":"Beta 2","external_id":"B","total":0}]"#),
        Step(.delete, "companies", query: "id=2", #"{"status":"OK"}"#),
        Step(.get, "companies.groups", query: "id=1", #"[{"id":1,"name":"IT","total":2}]"#),
        Step(.post, "groups", form: "name=Ops", #"{"id":2}"#),
        Step(.get, "groups", query: "name=Ops", #"[{"id":2,"name":"Ops","total":0}]"#),
        Step(.post, "companies.groups", form: "id=1&groups[]=2", #"{"2":true}"#),
        Step(.delete, "companies.groups", query: "id=1&groups[]=2&unlink_users_too=true", #"{"2":true}"#),
        Step(.delete, "groups", query: "id=2", #"{"status":"OK"}"#),
        Step(.get, "groups", #"[{"id":1,"name":"IT","total":2}]"#),
        Step(.get, "companies.users", query: "id=1", #"[{"id":1,"username":"alice","name":"Alice Smith","email":"alice@acme.example"}]"#),
        Step(.get, "companies.users", query: "id=1&user_id=2", "[]"),
        Step(.post, "companies.users", form: "id=1&users[]=2", #"{"2":true}"#),
        // Leaving the company also leaves its group.
        Step(.delete, "companies.users", query: "id=1&users[]=2", #"{"2":true}"#),
        Step(.get, "groups.users", query: "id=1", #"[{"id":1,"username":"alice","name":"Alice Smith","email":"alice@acme.example"}]"#),
        Step(.post, "groups.users", form: "id=1&users[]=2&users[]=3", #"{"2":true,"3":true}"#),
        Step(.delete, "groups.users", query: "id=1&users[]=3", #"{"3":true}"#),
        Step(.get, "companies.observers", #"[{"id":1,"name":"Acme","observer_users":[2],"observer_groups":[]}]"#),
        Step(
            .post, "companies.observers", form: "id=1&observer_users[]=2&observer_users[]=3&observer_users[]=99",
            #"[{"id":2,"value":false},{"id":3,"value":true},{"id":99,"value":false}]"#),
        Step(
            .delete, "companies.observers", query: "id=1&observer_users[]=3&observer_users[]=1",
            #"[{"id":1,"value":false},{"id":3,"value":true}]"#),
        Step(.get, "groups.observers", query: "ids[]=1", #"[{"id":1,"name":"IT","observer_users":[3],"observer_groups":[]}]"#),
        Step(.post, "groups.observers", form: "id=1&observer_users[]=1", #"[{"id":1,"value":true}]"#),
        Step(.delete, "groups.observers", query: "id=1&observer_users[]=1", #"[{"id":1,"value":true}]"#),
        Step(
            .get, "locations",
            #"[{"id":1,"name":"Madrid","parent_id":null,"total":1},{"id":2,"name":"Floor 2","parent_id":1,"total":0}]"#),
        Step(.post, "locations", form: "name=Lobby&parent_id=0", #"{"id":3}"#),
        Step(.post, "locations", form: "name=Annex&parent_id=", #"{"id":4}"#),
        Step(.get, "locations", query: "id=4", #"[{"id":4,"name":"Annex","parent_id":null,"total":0}]"#),
        Step(.get, "locations.users", query: "id=1", #"[{"id":2,"username":"bob","name":"Bob","email":"bob@acme.example"}]"#),
        Step(.post, "locations.users", form: "id=2&users[]=1", #"[{"id":1,"value":true}]"#),
        Step(.delete, "locations.users", query: "id=2&users[]=1", #"[{"id":1,"value":true}]"#),
        Step(.get, "locations.observers", query: "ids[]=2", #"[{"id":2,"name":"Floor 2","observer_users":[],"observer_groups":[]}]"#),
        Step(.post, "locations.observers", form: "id=2&observer_users[]=2", #"[{"id":2,"value":true}]"#),
        Step(.delete, "locations.observers", query: "id=2&observer_users[]=2", #"[{"id":2,"value":true}]"#),
        // Deleting a location erases its sublocations.
        Step(.delete, "locations", query: "id=1", #"{"status":"OK"}"#),
        Step(
            .get, "locations",
            #"[{"id":3,"name":"Lobby","parent_id":null,"total":0},{"id":4,"name":"Annex","parent_id":null,"total":0}]"#),
    ]

    static let helpDesks: [Step] = [
        Step(.get, "helpdesks", #"[{"id":1,"name":"Service Desk","parent_id":0,"status_id":1,"total_members":1,"engine_id":1}]"#),
        Step(.get, "levels", #"[{"id":3,"members_ids":[1,2],"status_id":1,"total_members":2,"engine_id":1,"level_order":1}]"#),
        Step(
            .get, "helpdesksandlevels",
            #"[{"id":1,"name":"Service Desk","parent_id":0,"members_ids":[1],"status_id":1,"total_members":1,"engine_id":1},"#
                + #"{"id":3,"parent_id":1,"members_ids":[1,2],"status_id":1,"total_members":2,"engine_id":1,"level_order":1}]"#),
        Step(.get, "helpdesks.observers", #"[{"id":1,"name":"Service Desk","observer_users":[2],"observer_groups":[]}]"#),
        Step(.post, "helpdesks.observers", form: "id=1&observer_users[]=1", #"[{"id":1,"value":true}]"#),
        Step(.delete, "helpdesks.observers", query: "id=1&observer_users[]=2", #"[{"id":2,"value":true}]"#),
        Step(.get, "levels.observers", #"[{"id":3,"name":"Level 1","observer_users":[],"observer_groups":[]}]"#),
        Step(.post, "levels.observers", form: "id=3&observer_users[]=1", #"[{"id":1,"value":true}]"#),
        Step(.delete, "levels.observers", query: "id=3&observer_users[]=1", #"[{"id":1,"value":true}]"#),
    ]

    static let knowledgeBase: [Step] = [
        Step(.get, "kb.categories", #"[{"id":1,"name":"IT","parent_id":0},{"id":2,"name":"Network","parent_id":1}]"#),
        Step(.post, "kb.categories", form: "name=HR", #"{"category_id":"3","status":"OK"}"#),
        Step(.put, "kb.categories", query: "id=3&name=People&parent_id=1", #"{"status":"OK"}"#),
        Step(.get, "kb.categories.by.ids", query: "ids[]=3&ids[]=9", #"[{"id":3,"name":"People","parent_id":1}]"#),
        Step(.put, "kb.categories", query: "id=3&parent_id=", #"{"status":"OK"}"#),
        Step(.get, "kb.categories.by.ids", query: "ids[]=3", #"[{"id":3,"name":"People","parent_id":0}]"#),
        Step(.delete, "kb.categories", query: "id=1", #"{"status":"OK"}"#),
        Step(.get, "kb.categories", #"[{"id":3,"name":"People","parent_id":0}]"#),
    ]

    static let customFields: [Step] = [
        Step(
            .get, "cf.fields.all",
            #"[{"uid":1,"label":"Department","type":104,"categories":"1","is_required":false,"description":""},"#
                + #"{"uid":2,"label":"Office","type":105,"categories":"","is_required":false,"description":""},"#
                + #"{"uid":3,"label":"Asset Tag","type":1,"categories":"","is_required":true,"description":"Sticker"}]"#),
        Step(
            .get, "cf.fields.types",
            "[" + CustomFieldType.standard.map { #"{"id":\#($0.id),"name":"\#($0.name)"}"# }.joined(separator: ",") + "]"),
        Step(.get, "cf.field.options.list", query: "uid=1", #"{"key-value":{"sales":"Sales","it":"IT"}}"#),
        Step(
            .post, "cf.field.options.list", form: "uid=1&type=key-value&key_values[hr]=HR&key_values[it]=I.T.",
            #"{"total":2,"status":"OK","info":"2 value(s) added or modified."}"#),
        Step(
            .delete, "cf.field.options.list", query: "uid=1&type=key-value&keys[]=sales",
            #"{"total":1,"status":"OK","info":"1 value(s) deleted."}"#),
        Step(.get, "cf.field.options.list", query: "uid=1", #"{"key-value":{"it":"I.T.","hr":"HR"}}"#),
        Step(
            .get, "cf.field.options.tree", query: "uid=2",
            #"[{"key":"eu","hash":"\#(europe)","name":"Europe","children":[{"key":"mad","hash":"\#(madrid)","name":"Madrid","children":[]}]}]"#
        ),
        Step(
            .post, "cf.field.options.tree", form: "uid=2&name=Lisbon&key=lis&parent_hash=\(europe)",
            #"{"status":"OK","info":"The option was added."}"#),
        Step(
            .put, "cf.field.options.tree", query: "uid=2&hash=\(madrid)&name=Madrid%20Centro",
            #"{"status":"OK","info":"The option was modified."}"#),
        Step(
            .get, "cf.field.options.tree", query: "uid=2",
            #"[{"key":"eu","hash":"\#(europe)","name":"Europe","children":[{"key":"mad","hash":"\#(madrid)","name":"Madrid Centro","children":[]},"#
                + #"{"key":"lis","hash":"\#(Estate.optionHash(field: 2, serial: 3))","name":"Lisbon","children":[]}]}]"#),
        Step(.delete, "cf.field.options.tree", query: "uid=2&hash=\(europe)", #"{"status":"OK","info":"The option was deleted."}"#),
        Step(.get, "cf.field.options.tree", query: "uid=2", "[]"),
    ]

    static let users: [Step] = [
        Step(.get, "users", "[\(alice),\(bob)]"),
        Step(.get, "users", query: "include_disabled=1", "[\(alice),\(bob),\(carol)]"),
        Step(.get, "users", query: "include_disabled=true&ids[]=3&ids[]=1", "[\(alice),\(carol)]"),
        Step(.get, "user", query: "id=1", alice),
        Step(.get, "user", query: "id=3", "false"),
        Step(.get, "user", query: "id=3&include_disabled=1", carol),
        Step(.get, "user", query: "id=99", "false"),
        Step(.get, "user.by", query: "username=alice", alice),
        Step(.get, "user.by", query: "email=BOB%40acme.example", bob),
        Step(.get, "user.by", query: "username=nobody", "false"),
        Step(.get, "users.by", query: "username=a", #"{"next_page_key":null,"data":{"1":\#(alice)}}"#),
        Step(.get, "users.by", query: "username=a&include_disabled=1", #"{"next_page_key":null,"data":{"1":\#(alice),"3":\#(carol)}}"#),
        Step(.get, "users.by", query: "username=ali&exact_match=1", #"{"next_page_key":null,"data":{}}"#),
        Step(.get, "users.by", query: "email=bob%40acme.example&exact_match=1", #"{"next_page_key":null,"data":{"2":\#(bob)}}"#),
        Step(.get, "users.groups", query: "ids[]=1&ids[]=99", "[\(aliceMemberships(groups: "[1]"))]"),
        // A write between two batches shows in the second.
        Step(.delete, "groups.users", query: "id=1&users[]=1", #"{"1":true}"#),
        Step(.get, "users.groups", query: "ids[]=1", "[\(aliceMemberships(groups: "[]"))]"),
        Step(.post, "groups.users", form: "id=1&users[]=1", #"{"1":true}"#),
        Step(
            .post, "user",
            form: "username=dave&email=dave%40acme.example&name=Dave&lastname=Doe&department=IT&other-email=d%40x.example&manager_id=1",
            written),
        Step(.put, "user", query: "id=4&department=&localization=Madrid", #"{"status":"OK"}"#),
        Step(.get, "user", query: "id=4", dave),
        Step(.put, "user.disable", query: "id=4", #"{"status":"OK"}"#),
        Step(.put, "user.enable", query: "id=4", #"{"status":"OK"}"#),
        Step(.delete, "user", query: "id=4", #"{"status":"OK"}"#),
        Step(.get, "sd.version", #"{"version":"7.5.0"}"#),
    ]

    /// alice's `users.groups` record, with `groups` as given.
    static func aliceMemberships(groups: String) -> String {
        #"{"id":1,"username":"alice","email":"alice@acme.example","groups":\#(groups),"groups_observed":[],"#
            + #""companies":[1],"companies_observed":[],"helpdesks":[1,3],"helpdesks_observed":[],"locations":[],"locations_observed":[]}"#
    }

    /// dave as `user` POST answers him: his fields, then `status`.
    static var written: String {
        let record = UserRecord(
            id: 4, username: "dave", email: "dave@acme.example", name: "Dave", lastname: "Doe", isDisabled: false, isDeleted: false,
            userType: 2, attributes: [.department: "IT", .otherEmail: "d@x.example"], managerID: 1)
        guard case .object(let pairs) = record.json else { return "" }
        return String(decoding: JSONValue.object(pairs + [("status", .string("OK"))]).serialized(), as: UTF8.self)
    }

    /// dave after his PUT: department cleared, localization read back as `location`.
    static var dave: String {
        let record = UserRecord(
            id: 4, username: "dave", email: "dave@acme.example", name: "Dave", lastname: "Doe", isDisabled: false, isDeleted: false,
            userType: 2, attributes: [.otherEmail: "d@x.example", .localization: "Madrid"], managerID: 1)
        return String(decoding: record.json.serialized(), as: UTF8.self)
    }

    @Test(arguments: [
        ("organisation", organisation), ("help desks", helpDesks), ("knowledge base", knowledgeBase),
        ("custom fields", customFields), ("users", users),
    ])
    func answersExactly(_ area: String, _ steps: [Step]) async throws {
        try await withRouter { client, _ in
            for step in steps {
                let answer = try await client.send(step.method, step.endpoint, query: step.query, form: step.form)
                let call = "\(step.method) \(step.endpoint)?\(step.query) \(step.form ?? "")"
                #expect(answer.status == 200, "\(call): \(answer.body)")
                #expect(answer.body == step.expected, "\(call)")
                #expect(answer.headers[.contentType] == "application/json")
            }
        }
    }

    @Test func everyRouteIsCovered() {
        let all = Self.organisation + Self.helpDesks + Self.knowledgeBase + Self.customFields + Self.users
        let covered = Set(all.map { "\($0.method.rawValue) \($0.endpoint)" })
        #expect(covered == Set(InvGateSimulator.routes.map(\.description)))
    }

    @Test func usersByPagesTenAtATime() async throws {
        try await withRouter(estate: Seed.demoEstate) { client, _ in
            var ids: [Int] = []
            var pageKey: String?
            var pages = 0
            repeat {
                let query = pageKey.map { "page_key=\($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)" } ?? ""
                let answer = try await client.send(.get, "users.by", query: query)
                let page = try UsersPage(json: try #require(answer.json))
                #expect(page.users.count <= 10)
                ids += page.users.map(\.id)
                pageKey = page.nextPageKey
                pages += 1
            } while pageKey != nil && pages < 10
            #expect(pages == 3)
            // Pages follow one another in id order (JSONValue sorts a page's keys as strings).
            #expect(ids.sorted() == Array(1...21))
            #expect(Set(ids.prefix(10)) == Set(1...10))
            let bad = try await client.send(.get, "users.by", query: "page_key=nonsense")
            #expect(bad.status == 400)
        }
    }
}
