import EstateModel
import Hummingbird
import HummingbirdTesting
import InvGateWire
import Simulator
import Testing

@Suite("Simulator: user writes")
struct UserWriteTests {
    @Test("the set-password mail and DELETE user are recorded as events; a deleted user is unknown to every write")
    func events() async throws {
        try await withRouter { client, store in
            let created = try await client.send(
                .post, "user", form: "username=dave&email=dave%40acme.example&name=Dave&lastname=Doe&send_set_password_email=1")
            #expect(created.status == 200)
            #expect(await store.events == [.setPasswordMail(user: 4, email: "dave@acme.example")])
            #expect(try await client.send(.delete, "user", query: "id=4").status == 200)
            #expect(await store.events.last == .userDeleted(4))
            #expect(await store.estate.users[4]?.isDeleted == true)
            let refused = try await client.send(.put, "user.enable", query: "id=4")
            #expect(refused.status != 200)
        }
    }

    @Test("a directory (LDAP) account refuses attribute changes and disable; its memberships change")
    func directoryAccount() async throws {
        var estate = try smallEstate()
        estate.users[2]!.source = .ldap
        try await withRouter(estate: estate) { client, store in
            let before = await store.estate
            let update = try await client.send(.put, "user", query: "id=2&department=Sales")
            let disable = try await client.send(.put, "user.disable", query: "id=2")
            #expect(update.status != 200 && disable.status != 200)
            #expect(await store.estate == before)
            let membership = try await client.send(.post, "groups.users", form: "id=1&users[]=2")
            #expect(membership.status == 200)
        }
    }
}
