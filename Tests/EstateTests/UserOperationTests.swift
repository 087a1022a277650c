import Foundation
import EstateModel
import Testing

@Suite("Estate: user accounts")
struct UserOperationTests {
    static var estate: Estate {
        var estate = Estate(users: [
            1: User(id: 1, username: "alice", email: "alice@acme.example", name: "Alice", lastname: "Adams"),
            2: User(id: 2, username: "dana", email: "dana@acme.example", name: "Dana", lastname: "Diaz", source: .ldap),
            3: User(id: 3, username: "gone", email: "gone@acme.example", isDeleted: true),
        ])
        estate.advanceSequences()
        return estate
    }

    @Test("a create needs name, lastname and email, a free username and email, and an existing manager")
    func create() throws {
        var estate = Self.estate
        let fields = UserFields(username: "", email: "oscar@acme.example", name: "Oscar", lastname: "Ortiz", attributes: [.city: "Madrid", .phone: ""], managerID: 1)
        #expect(try estate.apply(.createUser(fields, invite: true)) == .created(id: 4))
        #expect(estate.users[4] == User(id: 4, username: "oscar@acme.example", email: "oscar@acme.example", name: "Oscar", lastname: "Ortiz", attributes: [.city: "Madrid"], managerID: 1))
        #expect(throws: EstateError.invalid("The username ALICE is already used by another user.")) {
            try estate.apply(.createUser(UserFields(username: "ALICE", email: "a2@acme.example", name: "A", lastname: "B"), invite: false))
        }
        #expect(throws: EstateError.invalid("The parameter lastname cannot be empty.")) {
            try estate.apply(.createUser(UserFields(username: "x", email: "x@acme.example", name: "X", lastname: " "), invite: false))
        }
        #expect(throws: EstateError.unknown(kind: "user", id: "3")) {
            try estate.apply(.createUser(UserFields(username: "y", email: "y@acme.example", name: "Y", lastname: "Z", managerID: 3), invite: false))
        }
        // A deleted account's username may be taken again.
        #expect(try estate.apply(.createUser(UserFields(username: "gone", email: "gone@acme.example", name: "G", lastname: "O"), invite: false)) == .created(id: 5))
    }

    @Test("update renames and clears attributes; disable and enable; a directory account and a deleted one refuse every write")
    func updateDisableEnable() throws {
        var estate = Self.estate
        try estate.apply(.updateUser(id: 1, changes: UserChanges(username: "alice.adams", attributes: [.department: "IT"])))
        try estate.apply(.updateUser(id: 1, changes: UserChanges(attributes: [.department: ""], managerID: 0)))
        #expect(estate.users[1]!.username == "alice.adams" && estate.users[1]!.attributes.isEmpty)
        try estate.apply(.disableUser(id: 1))
        #expect(estate.users[1]!.isDisabled && !estate.users[1]!.isDeleted)
        try estate.apply(.enableUser(id: 1))
        #expect(!estate.users[1]!.isDisabled)
        let before = estate
        #expect(throws: EstateError.invalid("The user dana is synchronised from a directory (LDAP): change it in the directory.")) {
            try estate.apply(.updateUser(id: 2, changes: UserChanges(attributes: [.city: "Madrid"])))
        }
        #expect(throws: EstateError.invalid("The user dana is synchronised from a directory (LDAP): change it in the directory.")) {
            try estate.apply(.disableUser(id: 2))
        }
        #expect(throws: EstateError.unknown(kind: "user", id: "3")) { try estate.apply(.enableUser(id: 3)) }
        #expect(estate == before)
        // A directory account's memberships are written as anyone's.
        estate.groups[1] = Group(id: 1, name: "Network")
        try estate.apply(.addMembers(.group(1), users: [2]))
        #expect(estate.groups[1]!.members == [2])
    }

    @Test("DELETE user (only the simulator answers it) keeps the account listed as deleted")
    func delete() throws {
        var estate = Self.estate
        try estate.deleteUser(1)
        #expect(estate.users[1]!.isDeleted)
        #expect(throws: EstateError.unknown(kind: "user", id: "1")) { try estate.deleteUser(1) }
    }

    @Test("an estate written before users were managed decodes: no source, attributes, manager or user counter")
    func decodesEarlierEstates() throws {
        let json = """
            {"users": {"1": {"id": 1, "username": "alice", "email": "a@x", "name": "", "lastname": "", "is_disabled": false,
            "is_deleted": false, "user_type": 2}}, "sequences": {"company": 0, "group": 0, "location": 0, "kb_category": 0, "tree_option": 0}}
            """
        struct Partial: Decodable {
            var users: [Int: User]
            var sequences: Sequences
        }
        let decoded = try FileCoding.decoder().decode(Partial.self, from: Data(json.utf8))
        #expect(decoded.users[1] == User(id: 1, username: "alice", email: "a@x"))
        #expect(decoded.sequences.user == 0)
    }
}
