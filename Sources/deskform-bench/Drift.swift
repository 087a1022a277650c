import EstateModel
import Simulator

/// Changes made behind deskform's back, which the next plan must undo.
enum Drift {
    /// About 5% of every kind: members removed from companies and locations, members added to
    /// groups, observers added to companies, leaf KB categories deleted, list option values changed.
    static func fivePercent(_ estate: Estate) -> Estate {
        var estate = estate
        var random = SeededGenerator(seed: 5)
        let userCount = estate.users.count
        func every20th<Value>(_ values: [Int: Value]) -> [Int] {
            values.keys.sorted().enumerated().filter { $0.offset % 20 == 0 }.map(\.element)
        }
        for id in every20th(estate.companies) {
            estate.companies[id]!.members.subtract(estate.companies[id]!.members.sorted().prefix(3))
            estate.companies[id]!.observers.insert(Int.random(in: 1...userCount, using: &random))
        }
        for id in every20th(estate.groups) {
            for _ in 0..<3 { estate.groups[id]!.members.insert(Int.random(in: 1...userCount, using: &random)) }
        }
        for id in every20th(estate.locations.nodes) {
            estate.locations[id]!.members.subtract(estate.locations[id]!.members.sorted().prefix(2))
        }
        let parents = Set(estate.kbCategories.values.compactMap(\.parentID))
        for id in every20th(estate.kbCategories.nodes) where !parents.contains(id) {
            estate.kbCategories.removeValue(forKey: id)
        }
        for index in estate.customFields[1]!.listOptions.indices where index % 20 == 0 {
            estate.customFields[1]!.listOptions[index].value += " (edited)"
        }
        return estate
    }

    /// 10,000 membership changes over 1,000 groups (at L; a tenth at M, a hundredth at S): each loses
    /// five members and gains five users it did not have.
    static func membershipChanges(_ estate: Estate, groups: Int) -> Estate {
        var estate = estate
        let userIDs = estate.users.keys.sorted()
        for (offset, id) in estate.groups.keys.sorted().prefix(groups).enumerated() {
            var members = estate.groups[id]!.members
            members.subtract(members.sorted().prefix(5))
            var added = 0
            var candidate = (offset * 37) % userIDs.count
            while added < 5 {
                if members.insert(userIDs[candidate]).inserted { added += 1 }
                candidate = (candidate + 1) % userIDs.count
            }
            estate.groups[id]!.members = members
        }
        return estate
    }
}
