import EstateModel
import Testing

/// A small estate: users 1–6; company 1 related to group 1; group 2 unrelated; a location tree.
private func sampleEstate() -> Estate {
    var estate = Estate(
        users: Dictionary(uniqueKeysWithValues: (1...6).map { ($0, User(id: $0, username: "user\($0)", email: "user\($0)@example.com")) }),
        companies: [1: Company(id: 1, name: "Acme", members: [1, 2], groups: [1])],
        groups: [1: Group(id: 1, name: "Acme IT", members: [1, 2, 5]), 2: Group(id: 2, name: "Ops", members: [3])],
        locations: [
            1: Location(id: 1, name: "Madrid", members: [1]),
            2: Location(id: 2, name: "Floor 2", parentID: 1, members: [2]),
            3: Location(id: 3, name: "Desk 7", parentID: 2),
            4: Location(id: 4, name: "Lisbon"),
        ],
        helpdesks: [1: HelpDesk(id: 1, name: "Service Desk")],
        levels: [3: Level(id: 3, helpdeskID: 1, name: "Level 1", order: 1)],
        kbCategories: [1: KBCategory(id: 1, name: "IT"), 2: KBCategory(id: 2, name: "Network", parentID: 1)],
        customFields: [
            1: CustomField(uid: 1, label: "Department", typeID: 104, listOptions: [ListOption(key: "it", value: "IT")]),
            2: CustomField(
                uid: 2, label: "Office", typeID: 105,
                treeOptions: [
                    TreeOption(hash: "h-eu", key: "eu", name: "Europe"),
                    TreeOption(hash: "h-mad", key: "mad", name: "Madrid", parentHash: "h-eu"),
                    TreeOption(hash: "h-am", key: "am", name: "Americas"),
                ]),
        ]
    )
    estate.advanceSequences()
    return estate
}

@Suite("Estate: documented side effects")
struct EstateSideEffectTests {
    @Test("adding a user to a company adds it to every group related to the company")
    func addingCompanyMemberJoinsRelatedGroups() throws {
        var estate = sampleEstate()
        try estate.apply(.relateGroups(company: 1, groups: [2]))
        let result = try estate.apply(.addMembers(.company(1), users: [4]))
        #expect(result == .relations([4: true]))
        #expect(estate.companies[1]?.members == [1, 2, 4])
        #expect(estate.groups[1]?.members == [1, 2, 4, 5])
        #expect(estate.groups[2]?.members == [3, 4])
    }

    @Test("removing a user from a company removes it from the company's groups")
    func removingCompanyMemberLeavesRelatedGroups() throws {
        var estate = sampleEstate()
        try estate.apply(.removeMembers(.company(1), users: [2]))
        #expect(estate.companies[1]?.members == [1])
        #expect(estate.groups[1]?.members == [1, 5])
        #expect(estate.groups[2]?.members == [3])
    }

    @Test("a group member that is not a company member stays when another member leaves the company")
    func removingCompanyMemberKeepsOthers() throws {
        var estate = sampleEstate()
        try estate.apply(.removeMembers(.company(1), users: [1, 2]))
        #expect(estate.groups[1]?.members == [5])
    }

    @Test("un-relating a group with unlink_users_too removes the company's users from the group")
    func unrelateWithUnlinkUsers() throws {
        var estate = sampleEstate()
        let result = try estate.apply(.unrelateGroups(company: 1, groups: [1], unlinkUsers: true))
        #expect(result == .relations([1: true]))
        #expect(estate.companies[1]?.groups == [])
        #expect(estate.groups[1]?.members == [5])
    }

    @Test("un-relating a group without unlink_users_too keeps its members")
    func unrelateWithoutUnlinkUsers() throws {
        var estate = sampleEstate()
        try estate.apply(.unrelateGroups(company: 1, groups: [1], unlinkUsers: false))
        #expect(estate.companies[1]?.groups == [])
        #expect(estate.groups[1]?.members == [1, 2, 5])
    }

    @Test("relating a group changes no memberships")
    func relateKeepsMemberships() throws {
        var estate = sampleEstate()
        try estate.apply(.relateGroups(company: 1, groups: [2]))
        #expect(estate.companies[1]?.groups == [1, 2])
        #expect(estate.groups[2]?.members == [3])
    }

    @Test("deleting a location erases its sublocations and their memberships")
    func deletingLocationErasesSublocations() throws {
        var estate = sampleEstate()
        try estate.apply(.deleteLocation(id: 1))
        #expect(estate.locations.keys.sorted() == [4])
    }

    @Test("erasing a tree option erases its children")
    func erasingTreeOptionErasesChildren() throws {
        var estate = sampleEstate()
        try estate.apply(.deleteTreeOption(field: 2, hash: "h-eu"))
        #expect(estate.customFields[2]?.treeOptions.map(\.key) == ["am"])
    }

    @Test("deleting a group drops its memberships, company relations, observers and observer roles")
    func deletingGroupDropsEverything() throws {
        var estate = sampleEstate()
        estate.companies[1]?.observerGroups = [1]
        estate.helpdesks[1]?.observerGroups = [1, 2]
        try estate.apply(.addObservers(.group(1), users: [6]))
        try estate.apply(.deleteGroup(id: 1))
        #expect(estate.groups[1] == nil)
        #expect(estate.companies[1]?.groups == [])
        #expect(estate.companies[1]?.observerGroups == [])
        #expect(estate.helpdesks[1]?.observerGroups == [2])
        // A company member added later no longer lands in the deleted group.
        try estate.apply(.addMembers(.company(1), users: [3]))
        #expect(estate.groups.keys.sorted() == [2])
    }

    @Test("deleting a company drops its memberships, relations and observers")
    func deletingCompanyDropsEverything() throws {
        var estate = sampleEstate()
        try estate.apply(.addObservers(.company(1), users: [6]))
        try estate.apply(.deleteCompany(id: 1))
        #expect(estate.companies.isEmpty)
        // Its group keeps its own members: deleting a company does not unlink users.
        #expect(estate.groups[1]?.members == [1, 2, 5])
        #expect(throws: EstateError.unknown(kind: "company", id: "1")) {
            try estate.apply(.addObservers(.company(1), users: [6]))
        }
    }

    @Test("observers are added as users; false when already an observer or the user is unknown")
    func observersAnswerPerUser() throws {
        var estate = sampleEstate()
        #expect(try estate.apply(.addObservers(.level(3), users: [1, 99])) == .relations([1: true, 99: false]))
        #expect(try estate.apply(.addObservers(.level(3), users: [1, 2])) == .relations([1: false, 2: true]))
        #expect(estate.levels[3]?.observers == [1, 2])
        #expect(try estate.apply(.removeObservers(.level(3), users: [2, 4])) == .relations([2: true, 4: false]))
        #expect(estate.levels[3]?.observers == [1])
    }
}
