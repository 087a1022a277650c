import EstateModel
import Planner
import Testing

/// Users 1–3; company "Beta Ltd" (1); groups "Old Ops" (1) and "Acme Legacy" (2); locations "Lisbon" (1)
/// and "Porto" (2).
private func live() -> Estate {
    var estate = Estate(users: [
        1: User(id: 1, username: "alice", email: "alice@example.com"), 2: User(id: 2, username: "bob", email: "bob@example.com"),
        3: User(id: 3, username: "carol", email: "carol@example.com"),
    ])
    estate.companies[1] = Company(id: 1, name: "Beta Ltd")
    estate.groups[1] = Group(id: 1, name: "Old Ops")
    estate.groups[2] = Group(id: 2, name: "Acme Legacy")
    estate.locations[1] = Location(id: 1, name: "Lisbon")
    estate.locations[2] = Location(id: 2, name: "Porto")
    estate.advanceSequences()
    return estate
}

/// Acme Corp relates to the new group Acme IT; Madrid/Floor 2 is new under a new Madrid; everything pruned.
private let desired = DesiredState(
    companies: [
        DesiredState.Company(name: "Acme Corp", groups: ["Acme IT"], members: [1]),
        DesiredState.Company(name: "Beta Ltd", members: [2]),
    ],
    groups: [DesiredState.Group(name: "Acme IT", members: [1]), DesiredState.Group(name: "Ops", members: [3])],
    locations: [
        DesiredState.Location(path: ["Madrid"]), DesiredState.Location(path: ["Madrid", "Floor 2"], members: [3]),
        DesiredState.Location(path: ["Lisbon"], members: [2]),
    ],
    policy: .init(prune: [.companies, .groups, .locations], maxDeletes: 50))

private func targeting(_ targets: [String], excludes: [String] = []) throws -> Targeting {
    Targeting(targets: try targets.map(AddressPattern.init(parsing:)), excludes: try excludes.map(AddressPattern.init(parsing:)))
}

/// The plan of `desired` limited to `targets`, with what it pulled in.
private func targetedPlan(_ targets: [String], excludes: [String] = []) throws -> (plan: Plan, pulledIn: [String]) {
    let limited = desired.targeted(try targeting(targets, excludes: excludes), live: live())
    let pulledIn = limited.pulledIn
    return (try Planner.plan(desired: limited, live: live(), fetched: Set(ObjectKind.allCases).subtracting([.users])), pulledIn.map(\.description))
}

private func changes(_ plan: Plan) -> [String] {
    plan.changes.map { "\($0.action.symbol) \($0.address)" }
}

@Suite("Planner: --target and --exclude")
struct TargetingTests {
    @Test("each form of address: exact, a glob inside the quotes, a kind alone")
    func forms() throws {
        let exact = try AddressPattern(parsing: #"group["Acme IT"]"#)
        #expect(
            exact.matches(Address(.group, "Acme IT")) && !exact.matches(Address(.group, "Acme ITS"))
                && !exact.matches(Address(.company, "Acme IT")))
        let glob = try AddressPattern(parsing: #"company["Acme*"]"#)
        #expect(
            glob.matches(Address(.company, "Acme Corp")) && glob.matches(Address(.company, "Acme"))
                && !glob.matches(Address(.company, "Beta")))
        let one = try AddressPattern(parsing: #"location["Madrid/Floor ?"]"#)
        #expect(one.matches(Address(.location, "Madrid/Floor 2")) && !one.matches(Address(.location, "Madrid/Floor 12")))
        let quoted = try AddressPattern(parsing: #"group["Say \"hi\""]"#)
        #expect(quoted.matches(Address(.group, #"Say "hi""#)))
        let kind = try AddressPattern(parsing: "groups")
        #expect(kind.matches(Address(.group, "anything")) && !kind.matches(Address(.company, "anything")))
        let helpdesks = try AddressPattern(parsing: "helpdesks")
        #expect(helpdesks.matches(Address(.level, "Service Desk/Level 2")) && helpdesks.objectKinds == [.helpdesks])
        let field = try AddressPattern(parsing: #"custom_field["Office"]"#)
        #expect(field.matches(Address(.customField, "Office")) && field.objectKinds == [.customFields])
        // An option's address, copied from a plan, targets its field (a label may hold a slash).
        let option = try AddressPattern(parsing: #"option["Site/Office/Europe/Madrid"]"#)
        #expect(option.matches(Address(.customField, "Site/Office")) && option.objectKinds == [.customFields])
        // A field whose label is a leading part of it is targeted too: the address cannot tell them apart.
        #expect(option.matches(Address(.customField, "Site")) && !option.matches(Address(.customField, "Office")))
    }

    @Test("an address copied from a plan names its object, brackets, quotes and backslashes in the name included")
    func copiedFromAPlan() throws {
        for name in ["Team [EU]", "Ops[a", #"Say "hi""#, #"A\B"#, "What?", #"Team [\"EU\"]"#] {
            let address = Address(.group, name)
            let pattern = try AddressPattern(parsing: address.description)
            #expect(pattern.matches(address), "\(address) as a target")
            #expect(!pattern.matches(Address(.group, name + " 2")))
        }
        // Brackets remain a glob where they are one.
        #expect(try AddressPattern(parsing: #"group["Team [AB]"]"#).matches(Address(.group, "Team A")))
    }

    @Test("what is not an address is refused with the forms that work")
    func refused() {
        let tail = #"; write a kind (groups) or an address as the plan prints it, with * and ? inside the quotes (company["Acme*"])"#
        for (text, reason) in [
            ("group", "it is neither a kind nor an address like group[\"Acme IT\"]"),
            (
                #"team["Ops"]"#,
                "\"team\" is not a kind of address (one of company, group, location, helpdesk, level, kb_category, custom_field, option, user)"
            ),
            (#"group["Ops\"]"#, #"its name is not a valid glob: it ends with a lone '\'"#),
            ("group[Ops]", "it is neither a kind nor an address like group[\"Acme IT\"]"),
        ] {
            do {
                _ = try AddressPattern(parsing: text)
                Issue.record("\(text) was read as an address")
            } catch {
                #expect(error.description == "'\(text)' is not an address: \(reason)\(tail)")
            }
        }
    }

    @Test("a targeted company pulls in the new group it relates to, and nothing else")
    func companyPullsInGroup() throws {
        let (plan, pulledIn) = try targetedPlan([#"company["Acme*"]"#])
        #expect(pulledIn == [#"group["Acme IT"] (new, needed by company["Acme Corp"])"#])
        #expect(changes(plan) == [#"+ company["Acme Corp"]"#, #"+ group["Acme IT"]"#])
        #expect(plan.outcome.destroyed.isEmpty)
    }

    @Test("a targeted sublocation pulls in its new parent; an existing parent is not")
    func locationPullsInParent() throws {
        let (plan, pulledIn) = try targetedPlan([#"location["Madrid/Floor 2"]"#])
        #expect(pulledIn == [#"location["Madrid"] (new, needed by location["Madrid/Floor 2"])"#])
        #expect(changes(plan) == [#"+ location["Madrid"]"#, #"+ location["Madrid/Floor 2"]"#])
        let lisbon = try targetedPlan([#"location["Lis*"]"#])
        #expect(lisbon.pulledIn.isEmpty && changes(lisbon.plan) == [#"~ location["Lisbon"]"#])
    }

    @Test("a kind alone plans and prunes that kind only")
    func kindAlone() throws {
        let (plan, pulledIn) = try targetedPlan(["groups"])
        #expect(pulledIn.isEmpty)
        #expect(changes(plan) == [#"+ group["Acme IT"]"#, #"- group["Acme Legacy"]"#, #"- group["Old Ops"]"#, #"+ group["Ops"]"#])
        #expect(plan.outcome.destroyed.map(\.address.description).sorted() == [#"group["Acme Legacy"]"#, #"group["Old Ops"]"#])
    }

    @Test("an exclude leaves its objects alone, even those the prune would take")
    func excluded() throws {
        let (plan, _) = try targetedPlan(["groups"], excludes: [#"group["Acme*"]"#])
        #expect(changes(plan) == [#"- group["Old Ops"]"#, #"+ group["Ops"]"#])
        let everythingBut = try targetedPlan([], excludes: ["locations", #"company["Beta*"]"#, "groups"])
        #expect(changes(everythingBut.plan) == [#"+ company["Acme Corp"]"#, #"+ group["Acme IT"]"#])
        #expect(everythingBut.pulledIn == [#"group["Acme IT"] (new, needed by company["Acme Corp"])"#])
    }

    @Test("the prune never touches an untargeted object, nor a subtree that holds one")
    func noPruneOutside() throws {
        let (plan, _) = try targetedPlan([#"location["Madrid*"]"#])
        #expect(!plan.outcome.destroyed.contains { $0.address.kind == .location })
        #expect(plan.unmanaged == [.companies: 1, .groups: 2, .locations: 2])
    }
}
