import EstateModel
import Planner
import Testing

private let everything = Set(ObjectKind.allCases)

/// Users 1–4 (user4 a directory account, user3 disabled); groups "IT" (1, members 1 and 2) and "HR" (2);
/// company "Acme" (1, member 1); location "Madrid" (1).
private func live() -> Estate {
    var estate = Estate(
        users: Dictionary(
            uniqueKeysWithValues: (1...4).map {
                ($0, User(id: $0, username: "user\($0)", email: "user\($0)@example.com", name: "User", lastname: "\($0)"))
            }),
        companies: [1: Company(id: 1, name: "Acme", members: [1])],
        groups: [1: Group(id: 1, name: "IT", members: [1, 2]), 2: Group(id: 2, name: "HR")],
        locations: [1: Location(id: 1, name: "Madrid")])
    estate.users[1]!.attributes = [.department: "IT"]
    estate.users[3]!.isDisabled = true
    estate.users[4]!.source = .ldap
    estate.advanceSequences()
    return estate
}

private func plan(_ desired: DesiredState, live: Estate = live()) throws -> Plan {
    try Planner.plan(desired: desired, live: live, fetched: everything)
}

private func oscar(managerID: Int? = nil) -> DesiredState.User {
    DesiredState.User(
        id: 5, username: "oscar", isNew: true, email: "oscar@example.com", name: "Oscar", lastname: "Ortiz",
        attributes: [.department: "IT", .position: "Network engineer"], managerID: managerID)
}

@Suite("Planner: users")
struct UserPlannerTests {
    @Test("a new user is created with its attributes, then joins the groups either side lists, in one call per group")
    func createsWithAttributesAndMemberships() throws {
        var hire = oscar(managerID: 1)
        hire.groups = ["HR"]
        let desired = DesiredState(groups: [.init(name: "IT", members: [1, 2, 5])], users: [hire])
        let plan = try plan(desired)
        #expect(
            plan.steps.map(\.operation) == [
                .createUser(
                    UserFields(
                        username: "oscar", email: "oscar@example.com", name: "Oscar", lastname: "Ortiz",
                        attributes: [.department: "IT", .position: "Network engineer"], managerID: 1), invite: false),
                .addMembers(.group(1), users: [5]),
                .addMembers(.group(2), users: [5]),
            ])
        #expect(plan.steps[0].creates == .user(5))
        #expect(plan.steps[1].dependsOn == [0] && plan.steps[2].dependsOn == [0])
        #expect(plan.summary == Plan.Summary(add: 1, change: 2, destroy: 0))
    }

    @Test("a manager created in the same plan is created first; a manager declared later is set once both exist")
    func managerCreatedFirst() throws {
        let boss = DesiredState.User(id: 5, username: "boss", isNew: true, email: "boss@example.com", name: "Bo", lastname: "Ss")
        var hire = oscar(managerID: 5)
        hire.id = 6
        let operations = try plan(DesiredState(users: [boss, hire])).steps.map(\.operation)
        guard case .createUser(let first, _) = operations[0], case .createUser(let second, _) = operations[1] else {
            Issue.record("expected two creates, got \(operations)")
            return
        }
        #expect(first.username == "boss" && second.username == "oscar" && second.managerID == 5)

        // A cycle: each manages the other. The first is created without its manager, who is set afterwards.
        var cyclic = boss
        cyclic.managerID = 6
        let cycle = try plan(DesiredState(users: [cyclic, hire])).steps.map(\.operation)
        #expect(cycle.last == .updateUser(id: 5, changes: UserChanges(managerID: 6)))
    }

    @Test("rename, attribute change and clearing are one PUT; disable and enable are their own calls, counted as destroy and add")
    func updateRenameDisableEnable() throws {
        let desired = DesiredState(users: [
            DesiredState.User(id: 1, username: "alice", attributes: [.department: "", .city: "Madrid"], disabled: true),
            DesiredState.User(id: 3, username: "user3", disabled: false),
        ])
        let plan = try plan(desired)
        #expect(
            plan.steps.map(\.operation) == [
                .updateUser(id: 1, changes: UserChanges(username: "alice", attributes: [.department: "", .city: "Madrid"])),
                .disableUser(id: 1),
                .enableUser(id: 3),
            ])
        #expect(plan.summary == Plan.Summary(add: 1, change: 0, destroy: 1))
        let alice = try #require(plan.changes.first { $0.address == Address(.user, "alice") })
        #expect(alice.action == .delete)
        #expect(alice.before == ["username": "user1", "department": "IT"])
        #expect(alice.after == ["username": "alice", "city": "Madrid", "department": ""])
        let user3 = try #require(plan.changes.first { $0.address == Address(.user, "user3") })
        #expect(user3.action == .create && user3.reason == "disabled: false; the account is enabled again")
    }

    @Test("memberships from both sides: wanted when either side lists it, removed only when every declared side leaves it out")
    func membershipsFromBothSides() throws {
        // IT lists user1 only; user2 lists no group (authoritative, empty); user1 lists HR.
        let desired = DesiredState(
            groups: [.init(name: "IT", members: [1])],
            users: [
                DesiredState.User(id: 1, username: "user1", groups: ["HR"]),
                DesiredState.User(id: 2, username: "user2", groups: []),
            ])
        let first = try plan(desired)
        #expect(first.steps.map(\.operation) == [.removeMembers(.group(1), users: [2]), .addMembers(.group(2), users: [1])])
        // Applied, the same declarations plan nothing: no flip-flop.
        let applied = try Planner.replay(first, on: live())
        #expect(try plan(desired, live: applied).steps.isEmpty)

        // A group that does not declare members keeps its other members; a user who lists it joins it.
        let userSideOnly = DesiredState(users: [DesiredState.User(id: 2, username: "user2", groups: ["HR"])])
        #expect(
            try plan(userSideOnly).steps.map(\.operation) == [.removeMembers(.group(1), users: [2]), .addMembers(.group(2), users: [2])])
        // The group lists the user, the user's list leaves it out: it stays (the group's side wants it).
        let groupSide = DesiredState(
            groups: [.init(name: "IT", members: [1, 2])], users: [DesiredState.User(id: 2, username: "user2", groups: [])])
        #expect(try plan(groupSide).steps.isEmpty)
    }

    @Test("a user's companies and locations from its side")
    func companiesAndLocations() throws {
        let desired = DesiredState(users: [
            DesiredState.User(id: 2, username: "user2", companies: ["Acme"], locations: [["Madrid"]])
        ])
        #expect(
            try plan(desired).steps.map(\.operation) == [.addMembers(.company(1), users: [2]), .addMembers(.location(1), users: [2])])
    }

    @Test("prune disables undeclared enabled users (never a directory account, a referenced or an ignored one), each a deletion")
    func pruneDisables() throws {
        var desired = DesiredState(groups: [.init(name: "IT", members: [1, 2])], users: [DesiredState.User(id: 1, username: "user1")])
        desired.policy = DesiredState.Policy(prune: [.users], maxDeletes: 0)
        let plan = try plan(desired)
        // user2 is a member of a declared group, user3 is disabled already, user4 is LDAP: none is touched.
        #expect(plan.steps.map(\.operation) == [])
        #expect(plan.unmanaged[.users] == 1)

        desired.groups = []
        let pruned = try Planner.plan(desired: desired, live: live(), fetched: everything)
        #expect(pruned.steps.map(\.operation) == [.disableUser(id: 2)])
        #expect(pruned.deletions == 1 && pruned.exceedsMaxDeletes)
        #expect(pruned.holdingDeletions().plan.steps.isEmpty)
        #expect(!pruned.steps.contains { if case .createUser = $0.operation { true } else { false } })
    }

    @Test("the set-password mail is asked for on each create when policy.invite_users is set")
    func invite() throws {
        var desired = DesiredState(users: [oscar()])
        desired.policy.inviteUsers = true
        guard case .createUser(_, let invite) = try plan(desired).steps[0].operation else {
            Issue.record("not a create")
            return
        }
        #expect(invite)
        #expect(try plan(desired).steps[0].operation.wireCall.parameters["send_set_password_email"] == .boolean(true))
    }

    @Test("undo of a creation disables the user, and of an update puts every attribute back")
    func undoDisablesAndRestores() throws {
        var desired = DesiredState(users: [oscar(), DesiredState.User(id: 1, username: "alice", attributes: [.city: "Madrid"])])
        let before = live()
        let applyPlan = try plan(desired)
        let after = try Planner.replay(applyPlan, on: before)
        desired = DesiredState(
            restoring: [Address(.user, "user1")], created: [Address(.user, "oscar")], from: before, now: after,
            policy: DesiredState.Policy(), protected: [])
        let undo = try Planner.plan(desired: desired, live: after, fetched: everything)
        #expect(
            undo.steps.map(\.operation) == [
                .updateUser(id: 1, changes: UserChanges(username: "user1", attributes: [.city: ""])), .disableUser(id: 5),
            ])
        let restored = try Planner.replay(undo, on: after)
        #expect(restored.users[1] == before.users[1])
        #expect(restored.users[5]?.isDisabled == true && restored.users[5]?.isDeleted == false)
    }
}
