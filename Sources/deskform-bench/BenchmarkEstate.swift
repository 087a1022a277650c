import EstateModel
import Simulator

/// The estates the benchmark measures: L is 1,000 companies, 2,000 groups, 1,000 locations in three
/// levels, 500 KB categories, 20,000 users, 100,000 memberships, 5,000 observers and two custom
/// fields with 500 options each; M and S are a tenth and a hundredth.
enum BenchmarkSize: String, CaseIterable {
    case s = "S"
    case m = "M"
    case l = "L"

    var scale: Int {
        switch self {
        case .s: 1
        case .m: 10
        case .l: 100
        }
    }
}

struct BenchmarkEstate {
    let size: BenchmarkSize

    /// Deterministic for a size: the same estate every run.
    func make() -> Estate {
        let scale = size.scale
        var random = SeededGenerator(seed: 20_261_129)
        let userCount = 200 * scale
        var estate = Seed.demoEstate
        for index in 1...userCount where estate.users[index] == nil {
            estate.users[index] = User(id: index, username: "user\(index)", email: "user\(index)@bench.example")
        }
        func users(_ count: Int) -> Set<Int> {
            var picked: Set<Int> = []
            while picked.count < count { picked.insert(Int.random(in: 1...userCount, using: &random)) }
            return picked
        }
        // 100,000 memberships at L: 30 per company, 25 per group, 20 per location (30k + 50k + 20k).
        // 5,000 observers: 2 per company, 1 per group, 1 per location.
        let companyCount = 10 * scale
        let groupCount = 20 * scale
        for index in 1...groupCount {
            estate.groups[index] = Group(id: index, name: "Group \(index)", members: users(25), observers: users(1))
        }
        for index in 1...companyCount {
            estate.companies[index] = Company(
                id: index, name: "Company \(index)", externalID: index % 3 == 0 ? "EXT-\(index)" : nil, members: users(30),
                groups: [2 * index - 1, 2 * index], observers: users(2))
        }
        // Locations in three levels: at L 10 sites × 9 buildings × 10 floors (1,000), at M 1 × 9 × 10, at S 1 × 3 × 2.
        var locationID = 0
        let perRoot = scale == 1 ? (children: 3, grandchildren: 2) : (children: 9, grandchildren: 10)
        for root in 1...max(1, scale / 10) {
            locationID += 1
            let rootID = locationID
            estate.locations[rootID] = Location(id: rootID, name: "Site \(root)", members: users(20), observers: users(1))
            for child in 1...perRoot.children {
                locationID += 1
                let childID = locationID
                estate.locations[childID] = Location(
                    id: childID, name: "Building \(child)", parentID: rootID, members: users(20), observers: users(1))
                for grandchild in 1...perRoot.grandchildren {
                    locationID += 1
                    estate.locations[locationID] = Location(
                        id: locationID, name: "Floor \(grandchild)", parentID: childID, members: users(20), observers: users(1))
                }
            }
        }
        // KB: 5·scale categories, a tenth of them roots with nine children each.
        var categoryID = 0
        for root in 1...max(1, scale / 2) {
            categoryID += 1
            let rootID = categoryID
            estate.kbCategories[rootID] = KBCategory(id: rootID, name: "Topic \(root)")
            for child in 1...9 {
                categoryID += 1
                estate.kbCategories[categoryID] = KBCategory(id: categoryID, name: "Article set \(child)", parentID: rootID)
            }
        }
        // Custom fields: 5·scale list options, and as many tree options (a tenth roots, nine children each).
        estate.customFields[1]!.listOptions = (1...(5 * scale)).map { ListOption(key: "k\($0)", value: "Value \($0)") }
        var tree: [TreeOption] = []
        var serial = 10_000
        for root in 1...max(1, scale / 2) {
            serial += 1
            let rootHash = Estate.optionHash(field: 2, serial: serial)
            tree.append(TreeOption(hash: rootHash, key: "r\(root)", name: "Region \(root)"))
            for child in 1...9 {
                serial += 1
                tree.append(
                    TreeOption(
                        hash: Estate.optionHash(field: 2, serial: serial), key: "r\(root)c\(child)", name: "City \(child)",
                        parentHash: rootHash))
            }
        }
        estate.customFields[2]!.treeOptions = TreeOptions(tree)
        estate.advanceSequences()
        estate.sequences.treeOption = serial
        return estate
    }
}
