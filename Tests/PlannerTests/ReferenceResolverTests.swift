import EstateModel
import Manifest
import Planner
import Resolution
import Testing

/// Users 3 "Alice" and 7 "alice" share a username but for case; 5 and 9 an email; 4 "bob" is alone.
private let live = Estate(users: [
    3: User(id: 3, username: "Alice", email: "alice@acme.example"),
    7: User(id: 7, username: "alice", email: "alice.smith@acme.example"),
    4: User(id: 4, username: "bob", email: "bob@acme.example"),
    5: User(id: 5, username: "carol", email: "Carol@Acme.example"),
    9: User(id: 9, username: "carol2", email: "carol@acme.example"),
])

private func members(_ references: String...) -> DeclaredEstate {
    DeclaredEstate(groups: [
        DeclaredGroup(
            name: "IT",
            members: references.enumerated().map { index, text in
                UserReference(parsing: text, at: SourceLocation(file: "groups.yaml", line: 3, column: 15 + 10 * index))
            })
    ])
}

@Suite("Reference resolver: users")
struct ReferenceResolverTests {
    @Test("a username two users share but for case is an error naming both ids, whatever its case; never a guess")
    func ambiguousUsername() {
        for written in ["alice", "Alice", "ALICE"] {
            let (desired, diagnostics, _) = ReferenceResolver.resolve(members(written), against: live)
            #expect(
                DiagnosticRenderer().render(diagnostics) == """
                    groups.yaml:3:15: error: user '\(written)' is ambiguous: users 3 ('Alice') and 7 ('alice') have usernames equal but for case
                      hint: the instance compares usernames ignoring case; name the user by id: 3 or 7

                    """)
            #expect(desired.groups.first?.members == [])
        }
    }

    @Test("an email two users share but for case is an error too; each of them by id, and a unique name, resolve")
    func ambiguousEmail() {
        let (desired, diagnostics, _) = ReferenceResolver.resolve(members("carol@acme.example", "5", "9", "BOB"), against: live)
        #expect(
            DiagnosticRenderer().render(diagnostics) == """
                groups.yaml:3:15: error: user 'carol@acme.example' is ambiguous: users 5 ('Carol@Acme.example') and 9 ('carol@acme.example') have emails equal but for case
                  hint: the instance compares emails ignoring case; name the user by id: 5 or 9

                """)
        #expect(desired.groups.first?.members == [4, 5, 9])
    }

    @Test("a deleted user is an error at its reference, by name, email or id; a live user with its old name resolves; disabled is a warning")
    func deletedUsers() {
        let estate = Estate(users: [
            4: User(id: 4, username: "bob", email: "bob@acme.example"),
            6: User(id: 6, username: "dave", email: "dave@acme.example", isDeleted: true),
            8: User(id: 8, username: "erin", email: "erin@acme.example", isDeleted: true),
            10: User(id: 10, username: "Erin", email: "erin.new@acme.example"),
            11: User(id: 11, username: "frank", email: "frank@acme.example", isDisabled: true),
        ])
        let (desired, diagnostics, _) = ReferenceResolver.resolve(
            members("dave", "dave@acme.example", "6", "erin", "frank"), against: estate)
        #expect(
            DiagnosticRenderer().render(diagnostics) == """
                groups.yaml:3:15: error: user 'dave' is deleted in the instance (id 6)
                  hint: a deleted user cannot be a member or an observer; remove the reference, or name a user who is not deleted
                groups.yaml:3:25: error: user 'dave@acme.example' is deleted in the instance (id 6)
                  hint: a deleted user cannot be a member or an observer; remove the reference, or name a user who is not deleted
                groups.yaml:3:35: error: user '6' is deleted in the instance (id 6)
                  hint: a deleted user cannot be a member or an observer; remove the reference, or name a user who is not deleted
                groups.yaml:3:55: warning: user 'frank' is disabled

                """)
        #expect(desired.groups.first?.members == [10, 11])
    }
}
