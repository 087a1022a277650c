import EstateModel
import Planner
import Testing

private let everything = Set(ObjectKind.allCases)

/// Users 1–4; company "Acme" (1, external id A-1, member 1, related to group 1); groups "IT" (1,
/// member 1) and "HR" (2); location "Madrid" (1); KB "IT" (1); help desk "Desk" (1) with level "L1" (2).
private func live() -> Estate {
    var estate = Estate(
        users: Dictionary(uniqueKeysWithValues: (1...4).map { ($0, User(id: $0, username: "user\($0)", email: "user\($0)@example.com")) }),
        companies: [1: Company(id: 1, name: "Acme", externalID: "A-1", members: [1], groups: [1])],
        groups: [1: Group(id: 1, name: "IT", members: [1]), 2: Group(id: 2, name: "HR")],
        locations: [1: Location(id: 1, name: "Madrid")],
        helpdesks: [1: HelpDesk(id: 1, name: "Desk", parentID: 0, statusID: 1, engineID: 1)],
        levels: [2: Level(id: 2, helpdeskID: 1, name: "L1", order: 1, statusID: 1, engineID: 1)],
        kbCategories: [1: KBCategory(id: 1, name: "IT")])
    estate.advanceSequences()
    return estate
}

private func steps(_ desired: DesiredState) throws -> [EstateOperation] {
    try Planner.plan(desired: desired, live: live(), fetched: everything).steps.map(\.operation)
}

/// One phase of the planner at a time: the steps each one chooses on its own.
@Suite("Planner: each phase")
struct PlannerPhaseTests {
    @Test("company objects: created with their external id, renamed by external id with PUT")
    func companyObjects() throws {
        #expect(
            try steps(DesiredState(companies: [.init(name: "Globex", externalID: "G-1")])) == [
                .createCompany(name: "Globex", externalID: "G-1")
            ])
        #expect(
            try steps(DesiredState(companies: [.init(name: "Acme Corp", externalID: "A-1")])) == [
                .updateCompany(id: 1, name: "Acme Corp", externalID: nil)
            ])
        #expect(try steps(DesiredState(companies: [.init(name: "Acme", previousNames: ["Old"])])) == [])
    }

    @Test("company relations: un-related before members change, related after, keeping memberships to the members' steps")
    func companyRelations() throws {
        #expect(
            try steps(DesiredState(companies: [.init(name: "Acme", groups: ["HR"])])) == [
                .unrelateGroups(company: 1, groups: [1], unlinkUsers: false), .relateGroups(company: 1, groups: [2]),
            ])
    }

    @Test("company members: removals then additions, one call each")
    func companyMembers() throws {
        #expect(
            try steps(DesiredState(companies: [.init(name: "Acme", members: [2, 3])])) == [
                .removeMembers(.company(1), users: [1]), .addMembers(.company(1), users: [2, 3]),
            ])
    }

    @Test("group objects and members: a new group is created, then given its members")
    func groups() throws {
        #expect(
            try steps(DesiredState(groups: [.init(name: "Ops", members: [4]), .init(name: "HR", members: [])])) == [
                .createGroup(name: "Ops"), .addMembers(.group(3), users: [4]),
            ])
    }

    @Test("locations: parents created before children; members against the replay")
    func locations() throws {
        #expect(
            try steps(DesiredState(locations: [.init(path: ["Madrid"], members: [2]), .init(path: ["Madrid", "Floor 1"], members: [3])]))
                == [
                    .createLocation(name: "Floor 1", parentID: 1), .addMembers(.location(1), users: [2]),
                    .addMembers(.location(2), users: [3]),
                ])
    }

    @Test("KB categories: created under their parent, or renamed in place from a previous name")
    func kbCategories() throws {
        #expect(
            try steps(DesiredState(kbCategories: [.init(path: ["IT"]), .init(path: ["IT", "Network"])])) == [
                .createKBCategory(name: "Network", parentID: 1)
            ])
        #expect(
            try steps(DesiredState(kbCategories: [.init(path: ["Tech"], previousNames: ["IT"])])) == [
                .updateKBCategory(id: 1, name: "Tech", parentID: nil)
            ])
    }

    @Test("observers: of companies, groups, locations, help desks and levels, removals before additions")
    func observers() throws {
        var estate = live()
        estate.helpdesks[1]!.observers = [1]
        let desired = DesiredState(
            groups: [.init(name: "HR", observers: [2])],
            helpdesks: [.init(id: 1, name: "Desk", observers: [3], levels: [.init(id: 2, name: "L1", observers: [4])])])
        #expect(
            try Planner.plan(desired: desired, live: estate, fetched: everything).steps.map(\.operation) == [
                .addObservers(.group(2), users: [2]), .removeObservers(.helpdesk(1), users: [1]), .addObservers(.helpdesk(1), users: [3]),
                .addObservers(.level(2), users: [4]),
            ])
    }

    @Test("deletions come last: absent objects, and undeclared ones of pruned kinds")
    func deletions() throws {
        let desired = DesiredState(
            companies: [.init(name: "Acme", externalID: "A-1", absent: true)], groups: [.init(name: "IT")],
            kbCategories: [.init(path: ["Guides"])], policy: .init(prune: [.groups, .kbCategories]))
        #expect(
            try steps(desired) == [
                .createKBCategory(name: "Guides", parentID: nil), .deleteCompany(id: 1), .deleteGroup(id: 2), .deleteKBCategory(id: 1),
            ])
    }
}
