import EstateModel
import Testing

@Suite("Estate: operations")
struct EstateOperationTests {
    private let base: Estate = {
        var estate = Estate(
            users: [1: User(id: 1, username: "alice", email: "alice@example.com")],
            customFields: [
                1: CustomField(uid: 1, label: "Department", typeID: 104),
                2: CustomField(uid: 2, label: "Office", typeID: 105),
                3: CustomField(uid: 3, label: "Asset Tag", typeID: 1),
            ]
        )
        estate.advanceSequences()
        return estate
    }()

    @Test("creates hand out new ids that are never reused")
    func idsAreNeverReused() throws {
        var estate = base
        #expect(try estate.apply(.createGroup(name: "A")) == .created(id: 1))
        try estate.apply(.deleteGroup(id: 1))
        #expect(try estate.apply(.createGroup(name: "B")) == .created(id: 2))
    }

    @Test("a refused operation leaves the estate as it was")
    func refusedOperationChangesNothing() throws {
        var estate = base
        try estate.apply(.createCompany(name: "Acme", externalID: nil))
        let before = estate
        #expect(throws: EstateError.unknown(kind: "user", id: "7")) {
            try estate.apply(.addMembers(.company(1), users: [1, 7]))
        }
        #expect(estate == before)
        #expect(throws: EstateError.invalid("The name cannot be empty.")) {
            try estate.apply(.createGroup(name: "  "))
        }
        #expect(estate == before)
    }

    @Test("company PUT renames and changes the external id; an empty external id clears it")
    func updateCompany() throws {
        var estate = base
        try estate.apply(.createCompany(name: "Acme Inc", externalID: "ACME-1"))
        try estate.apply(.updateCompany(id: 1, name: "Acme Corp", externalID: nil))
        #expect(estate.companies[1]?.name == "Acme Corp")
        #expect(estate.companies[1]?.externalID == "ACME-1")
        try estate.apply(.updateCompany(id: 1, name: nil, externalID: ""))
        #expect(estate.companies[1]?.externalID == nil)
    }

    @Test("parent 0 means the root; an unknown parent is refused")
    func parents() throws {
        var estate = base
        #expect(try estate.apply(.createLocation(name: "Madrid", parentID: 0)) == .created(id: 1))
        #expect(estate.locations[1]?.parentID == nil)
        try estate.apply(.createLocation(name: "Floor 2", parentID: 1))
        #expect(estate.locationPath(of: 2) == ["Madrid", "Floor 2"])
        #expect(throws: EstateError.unknown(kind: "location", id: "9")) {
            try estate.apply(.createLocation(name: "X", parentID: 9))
        }
    }

    @Test("KB category PUT renames and moves, to the root with parent 0, never below itself")
    func kbCategoryMoves() throws {
        var estate = base
        try estate.apply(.createKBCategory(name: "IT", parentID: nil))
        try estate.apply(.createKBCategory(name: "Network", parentID: 1))
        try estate.apply(.updateKBCategory(id: 2, name: "Networking", parentID: 0))
        #expect(estate.kbCategories[2] == KBCategory(id: 2, name: "Networking", parentID: nil))
        try estate.apply(.updateKBCategory(id: 1, name: nil, parentID: 2))
        #expect(estate.kbCategoryPath(of: 1) == ["Networking", "IT"])
        #expect(throws: EstateError.invalid("A category cannot be moved below itself.")) {
            try estate.apply(.updateKBCategory(id: 2, name: nil, parentID: 1))
        }
        try estate.apply(.deleteKBCategory(id: 2))
        #expect(estate.kbCategories.isEmpty)
    }

    @Test("list options upsert by key and count what changed; deletes count what was erased")
    func listOptions() throws {
        var estate = base
        let first = try estate.apply(
            .upsertListOptions(field: 1, options: [ListOption(key: "it", value: "IT"), ListOption(key: "hr", value: "HR")]))
        #expect(first == .count(2))
        let second = try estate.apply(
            .upsertListOptions(field: 1, options: [ListOption(key: "it", value: "IT"), ListOption(key: "hr", value: "Human Resources")]))
        #expect(second == .count(1))
        #expect(
            estate.customFields[1]?.listOptions == [ListOption(key: "it", value: "IT"), ListOption(key: "hr", value: "Human Resources")])
        #expect(try estate.apply(.deleteListOptions(field: 1, keys: ["hr", "nope"])) == .count(1))
    }

    @Test("options of the wrong kind of field are refused")
    func wrongFieldKind() {
        var estate = base
        #expect(throws: EstateError.invalid("The custom field 2 is not a list-type field.")) {
            try estate.apply(.upsertListOptions(field: 2, options: [ListOption(key: "a", value: "A")]))
        }
        #expect(throws: EstateError.invalid("The custom field 3 is not a tree-type field.")) {
            try estate.apply(.addTreeOption(field: 3, name: "A", key: nil, parentHash: nil))
        }
    }

    @Test("tree options: POST with an existing key renames it; no key uses the hash; PUT keeps the hash")
    func treeOptions() throws {
        var estate = base
        try estate.apply(.addTreeOption(field: 2, name: "Europe", key: "eu", parentHash: nil))
        let europe = try #require(estate.customFields[2]?.treeOptions.first)
        #expect(europe.hash.count == 32)
        try estate.apply(.addTreeOption(field: 2, name: "Madrid", key: nil, parentHash: europe.hash))
        let madrid = try #require(estate.customFields[2]?.treeOptions.last)
        #expect(madrid.key == madrid.hash)
        #expect(madrid.parentHash == europe.hash)
        try estate.apply(.addTreeOption(field: 2, name: "EU", key: "eu", parentHash: ""))
        #expect(estate.customFields[2]?.treeOptions.count == 2)
        #expect(estate.customFields[2]?.treeOptions.first?.name == "EU")
        try estate.apply(.updateTreeOption(field: 2, hash: madrid.hash, name: "Madrid HQ", key: "mad"))
        #expect(
            estate.customFields[2]?.treeOptions.last
                == TreeOption(hash: madrid.hash, key: "mad", name: "Madrid HQ", parentHash: europe.hash))
        #expect(throws: EstateError.invalid("The key eu is already used by another option.")) {
            try estate.apply(.updateTreeOption(field: 2, hash: madrid.hash, name: nil, key: "eu"))
        }
        #expect(throws: EstateError.unknown(kind: "option", id: "nope")) {
            try estate.apply(.addTreeOption(field: 2, name: "X", key: nil, parentHash: "nope"))
        }
    }

    @Test("applying is deterministic: the same operations give the same estate")
    func deterministic() throws {
        let operations: [EstateOperation] = [
            .createCompany(name: "Acme", externalID: "A-1"), .createGroup(name: "IT"),
            .relateGroups(company: 1, groups: [1]), .addMembers(.company(1), users: [1]),
            .addTreeOption(field: 2, name: "Europe", key: nil, parentHash: nil),
        ]
        let first = try operations.reduce(base) { try $0.applying($1) }
        let second = try operations.reduce(base) { try $0.applying($1) }
        #expect(first == second)
        #expect(first.groups[1]?.members == [1])
    }
}
