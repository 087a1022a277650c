import EstateModel
import Simulator
import Testing

@Suite struct SeedTests {
    @Test func demoSeedHoldsTheExampleEstate() throws {
        let estate = Seed.demoEstate
        #expect(estate.users.count == 22)
        #expect(estate.users.values.filter(\.isDisabled).map(\.username) == ["oscar"])
        #expect(estate.users[1]?.username == "alice" && estate.users[1]?.email == "alice@acme.example")
        #expect(estate.users[21]?.username == "zoe")
        #expect(estate.helpdesks.mapValues(\.name) == [1: "Service Desk", 2: "Field Services"])
        #expect(estate.levels.count == 4)
        #expect(estate.levels[4].map { ($0.helpdeskID, $0.name, $0.order) } ?? (0, "", 0) == (1, "Level 2", 2))
        #expect(estate.levels[6].map { ($0.helpdeskID, $0.name, $0.order) } ?? (0, "", 0) == (2, "On-site", 2))
        #expect(estate.customFieldTypes == CustomFieldType.standard)
        #expect(estate.customFields.mapValues(\.label) == [1: "Department", 2: "Office", 3: "Asset Tag"])
        #expect(
            estate.customFields[1]?.listOptions == [
                ListOption(key: "sales", value: "Sales"), ListOption(key: "it", value: "IT"),
                ListOption(key: "hr", value: "Human Resources"),
            ])
        let tree = try #require(estate.customFields[2]?.treeOptions)
        #expect(tree.map(\.key) == ["eu", "mad", "lis", "am", "nyc"])
        #expect(tree[1].parentHash == tree[0].hash && tree[4].parentHash == tree[3].hash)
        #expect(tree.map(\.hash) == (1...5).map { Estate.optionHash(field: 2, serial: $0) })
        #expect(estate.requestCategories.mapValues(\.name) == [1: "Hardware", 2: "Software", 3: "Access", 4: "Network"])
        #expect(estate.companies.isEmpty && estate.groups.isEmpty && estate.locations.isEmpty && estate.kbCategories.isEmpty)
        #expect(estate.sequences.treeOption == 5)
    }

    @Test func seededIDsAreNotHandedOutAgain() throws {
        var estate = try smallEstate()
        #expect(try estate.apply(.createGroup(name: "New")) == .created(id: 2))
        #expect(try estate.apply(.createLocation(name: "New", parentID: nil)) == .created(id: 3))
        #expect(try estate.apply(.createKBCategory(name: "New", parentID: nil)) == .created(id: 3))
    }

    @Test func reportsEveryProblemAtItsPlace() {
        let yaml = """
            users:
              - {id: 1, username: alice, email: alice@acme.example}
              - {id: 1, username: bob, email: bob@acme.example}
            groups:
              - {id: 1, name: IT, members: [1, 9]}
            locations:
              - {id: 1, name: Madrid, parent: 5}
            """
        #expect {
            try Seed.load(yaml: yaml, file: "bad.yaml")
        } throws: { error in
            let problems = (error as? SeedError)?.problems ?? []
            return problems.map(\.message) == ["duplicate user id 1", "unknown user 9", "unknown parent 5"]
                && problems.map(\.line) == [3, 5, 7]
        }
    }

    @Test func rejectsUnknownKeysAndWrongTypes() {
        #expect {
            try Seed.load(yaml: "users:\n  - {id: 1, username: a, email: a@x, memebers: [1]}\n", file: "typo.yaml")
        } throws: { error in
            let text = String(describing: error)
            return text.hasPrefix("typo.yaml:2:") && text.contains("unknown key 'memebers'")
        }
        #expect {
            try Seed.load(yaml: "groups:\n  - {id: one, name: IT}\n", file: "type.yaml")
        } throws: { error in
            String(describing: error).hasPrefix("type.yaml:2:")
        }
    }
}
