import EstateModel
import Foundation
import Planner
import Simulator

/// Random live estates and random desired states over them, for property tests of the planner,
/// the executor and export. Names come from small pools so that desired and live overlap often.
package struct EstateGenerator {
    package var random: SeededGenerator
    package let userCount = 12

    static let companyNames = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark", "Wayne"]
    static let groupNames = ["IT", "HR", "Ops", "Sales", "Legacy Ops", "Support", "Finance"]
    static let placeNames = ["Madrid", "Lisbon", "Floor 1", "Floor 2", "Annex"]
    static let categoryNames = ["IT", "Network", "HR", "Old", "Guides"]
    static let optionNames = ["Europe", "Americas", "Madrid", "Lisbon", "Paris"]

    package init(seed: UInt64) {
        random = SeededGenerator(seed: seed)
    }

    package mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &random) < probability }
    mutating func subset(of ids: some Collection<Int>, _ probability: Double = 0.4) -> Set<Int> {
        Set(ids.sorted().filter { _ in chance(probability) })
    }
    mutating func pick<T>(_ count: ClosedRange<Int>, from pool: [T]) -> [T] {
        Array(pool.shuffled(using: &random).prefix(Int.random(in: count, using: &random)))
    }

    /// A live estate: users, companies with related groups, members and observers, location and KB
    /// trees, a help desk with a level, and a list- and a tree-type custom field.
    package mutating func liveEstate() -> Estate {
        let users = 1...userCount
        var estate = Estate(
            users: Dictionary(
                uniqueKeysWithValues: users.map {
                    ($0, User(id: $0, username: "user\($0)", email: "user\($0)@example.com", name: "User", lastname: "\($0)"))
                }),
            helpdesks: [1: HelpDesk(id: 1, name: "Service Desk")],
            levels: [2: Level(id: 2, helpdeskID: 1, name: "Level 1", order: 1)],
            customFields: [
                1: CustomField(uid: 1, label: "Department", typeID: 104),
                2: CustomField(uid: 2, label: "Office", typeID: 105),
            ])
        addUserDetails(to: &estate)
        estate.helpdesks[1]!.observers = subset(of: users, 0.2)
        estate.levels[2]!.observers = subset(of: users, 0.2)
        for name in pick(0...5, from: Self.groupNames) {
            let id = try! estate.apply(.createGroup(name: name)).createdID
            try! estate.apply(.addMembers(.group(id), users: subset(of: users).sorted()))
            try! estate.apply(.addObservers(.group(id), users: subset(of: users, 0.2).sorted()))
        }
        let companyNames = pick(0...4, from: Self.companyNames)
        for name in companyNames {
            let id = try! estate.apply(.createCompany(name: name, externalID: chance(0.3) ? "X-\(name)" : nil)).createdID
            let groups = subset(of: estate.groups.keys, 0.3).sorted()
            if !groups.isEmpty { try! estate.apply(.relateGroups(company: id, groups: groups)) }
            try! estate.apply(.addMembers(.company(id), users: subset(of: users).sorted()))
            try! estate.apply(.addObservers(.company(id), users: subset(of: users, 0.2).sorted()))
        }
        addTree(to: &estate, depth: 0, parent: nil, locations: true)
        addTree(to: &estate, depth: 0, parent: nil, locations: false)
        let listOptions = pick(0...4, from: ["sales", "it", "hr", "ops", "legal"]).map { ListOption(key: $0, value: $0.uppercased()) }
        if !listOptions.isEmpty { try! estate.apply(.upsertListOptions(field: 1, options: listOptions)) }
        addOptions(to: &estate, parent: nil, depth: 0)
        return estate
    }

    private mutating func addTree(to estate: inout Estate, depth: Int, parent: Int?, locations: Bool) {
        guard depth < 3 else { return }
        for name in pick(0...(depth == 0 ? 3 : 2), from: locations ? Self.placeNames : Self.categoryNames) {
            let id: Int
            if locations {
                id = try! estate.apply(.createLocation(name: name, parentID: parent)).createdID
                try! estate.apply(.addMembers(.location(id), users: subset(of: 1...userCount, 0.2).sorted()))
            } else {
                id = try! estate.apply(.createKBCategory(name: name, parentID: parent)).createdID
            }
            addTree(to: &estate, depth: depth + 1, parent: id, locations: locations)
        }
    }

    private mutating func addOptions(to estate: inout Estate, parent: String?, depth: Int) {
        guard depth < 2 else { return }
        for name in pick(0...3, from: Self.optionNames) {
            let key = chance(0.7) ? "\(name.lowercased())\(Int.random(in: 0...99, using: &random))" : nil
            _ = try? estate.apply(.addTreeOption(field: 2, name: name, key: key, parentHash: parent))
            if let option = estate.customFields[2]!.treeOptions.last, option.name == name {
                addOptions(to: &estate, parent: option.hash, depth: depth + 1)
            }
        }
    }

    /// A desired state over `live`: some live objects kept (relations managed or not), some renamed,
    /// some marked absent, some new; a random prune policy.
    package mutating func desiredState(over live: Estate) -> DesiredState {
        let users = 1...userCount
        var desired = DesiredState()
        func relation(_ generator: inout EstateGenerator) -> Set<Int>? {
            generator.chance(0.6) ? generator.subset(of: users) : nil
        }

        let names = pick(0...5, from: Self.groupNames)
        let liveNames = Set(live.groups.values.map(\.name))
        var previous: Set<String> = []
        for name in names {
            var group = DesiredState.Group(name: name, members: relation(&self), observers: relation(&self))
            if liveNames.contains(name) {
                if chance(0.15) { group = DesiredState.Group(name: name, absent: true) }
            } else if chance(0.4), let old = liveNames.subtracting(names).subtracting(previous).sorted().randomElement(using: &random) {
                group.previousNames = [old]
                previous.insert(old)
            }
            desired.groups.append(group)
        }
        let referable =
            desired.groups.filter { !$0.absent }.map(\.name)
            + liveNames.filter { !names.contains($0) && !previous.contains($0) }.sorted()

        let companyNames = pick(0...4, from: Self.companyNames)
        for name in companyNames {
            let liveCompany = live.companies.values.first { $0.name == name }  // names are unique in generated estates
            // A company with an external id is renamed through it, now and then, to a name no one has.
            let renamed =
                liveCompany?.externalID != nil && chance(0.3)
                ? Self.companyNames.first { new in
                    !companyNames.contains(new) && !live.companies.values.contains { $0.name == new } && !desired.companies.contains { $0.name == new }
                }
                : nil
            var company = DesiredState.Company(
                name: renamed ?? name, externalID: liveCompany?.externalID ?? (chance(0.3) ? "X-\(name)" : nil),
                groups: chance(0.6) ? pick(0...2, from: referable) : nil,
                members: relation(&self), observers: relation(&self))
            if liveCompany != nil, chance(0.15) {
                company = DesiredState.Company(name: name, externalID: liveCompany?.externalID, absent: true)
            }
            desired.companies.append(company)
        }

        desired.locations = desiredTree(live.locations.values.map { ($0.id, $0.name, $0.parentID) }, pool: Self.placeNames).map {
            path, absent, previous in
            DesiredState.Location(
                path: path, previousNames: previous, members: absent ? nil : (chance(0.5) ? subset(of: users, 0.3) : nil),
                observers: absent ? nil : (chance(0.3) ? subset(of: users, 0.3) : nil), absent: absent)
        }
        desired.kbCategories = desiredTree(live.kbCategories.values.map { ($0.id, $0.name, $0.parentID) }, pool: Self.categoryNames).map {
            DesiredState.KBCategory(path: $0.path, previousNames: $0.previous, absent: $0.absent)
        }
        if chance(0.3) { moveKBCategory(in: &desired, over: live) }
        if chance(0.7) {
            desired.helpdesks = [
                DesiredState.HelpDesk(
                    id: 1, name: "Service Desk", observers: relation(&self),
                    levels: [DesiredState.Level(id: 2, name: "Level 1", observers: relation(&self))])
            ]
        }
        var fields: [DesiredState.CustomField] = []
        if chance(0.7) {
            fields.append(
                DesiredState.CustomField(
                    uid: 1, label: "Department",
                    options: pick(0...4, from: ["sales", "it", "hr", "ops", "legal"]).map {
                        ListOption(key: $0, value: chance(0.5) ? $0.uppercased() : $0.capitalized)
                    }))
        }
        if chance(0.7) {
            let liveKeys = live.customFields[2]!.treeOptions.map(\.key).filter { $0.count < 20 }
            var used: Set<String> = []
            func nodes(_ depth: Int, _ generator: inout EstateGenerator) -> [DesiredState.TreeOption] {
                guard depth < 2 else { return [] }
                return generator.pick(0...3, from: Self.optionNames).map { name in
                    var key: String? = nil
                    if generator.chance(0.6) {
                        let candidate =
                            generator.chance(0.5) ? liveKeys.randomElement(using: &generator.random) : "\(name.lowercased())\(depth)"
                        if let candidate, used.insert(candidate).inserted { key = candidate }
                    }
                    return DesiredState.TreeOption(name: name, key: key, children: nodes(depth + 1, &generator))
                }
            }
            fields.append(DesiredState.CustomField(uid: 2, label: "Office", tree: nodes(0, &self)))
        }
        desired.customFields = fields
        desired.users = desiredUsers(over: live, referable: (referable, desired.companies.filter { !$0.absent }.map(\.name), desired.locations.filter { !$0.absent }.map { $0.path.joined(separator: "/") }))
        addNewUsers(to: &desired)
        // Ignored groups are never related to a company: its members' changes would write them, which the
        // planner refuses (a test of its own covers that).
        let relatesLegacy = live.companies.values.contains { $0.groups.contains { live.groups[$0]?.name.hasPrefix("Legacy") ?? false } }
        desired.policy = DesiredState.Policy(
            prune: Set(ObjectKind.allCases.filter { _ in chance(0.3) }), ignore: chance(0.3) && !relatesLegacy ? ["Legacy *"] : [])
        return desired
    }

    /// Some of the kinds, each with even odds: what a manifest declares (and may prune), so that steps
    /// on them change undeclared kinds as side effects of the API.
    package mutating func declaredKinds() -> Set<ObjectKind> {
        Set(ObjectKind.allCases.filter { _ in chance(0.5) })
    }

    /// Declares a live KB category below the root, that nothing else declares, at the root or under
    /// another declared category, with its live path as its previous one: a move.
    private mutating func moveKBCategory(in desired: inout DesiredState, over live: Estate) {
        let declared = Set(desired.kbCategories.flatMap { [$0.path] + $0.previousPaths })
        let livePaths = Set(live.kbCategories.keys.map { live.kbCategoryPath(of: $0) })
        let candidates = livePaths.filter { path in path.count > 1 && !declared.contains { $0.starts(with: path) } }.sorted {
            $0.joined(separator: "/") < $1.joined(separator: "/")
        }
        guard let moved = candidates.randomElement(using: &random) else { return }
        let parents = [[]] + desired.kbCategories.filter { !$0.absent && !$0.path.starts(with: moved) }.map(\.path)
        let parent = parents.randomElement(using: &random)!
        let path = parent + [moved.last!]
        guard parent != Array(moved.dropLast()), !declared.contains(path), !livePaths.contains(path) else { return }
        desired.kbCategories.append(DesiredState.KBCategory(path: path, previousPaths: [moved]))
    }

    /// Paths to declare, parents first: live nodes kept, renamed (declared under a new name with the old
    /// one in `previous`) or marked absent, and new ones.
    private mutating func desiredTree(
        _ nodes: [(id: Int, name: String, parent: Int?)], pool: [String]
    ) -> [(path: [String], absent: Bool, previous: [String])] {
        var result: [(path: [String], absent: Bool, previous: [String])] = []
        func walk(_ parent: Int?, _ path: [String], _ depth: Int, _ generator: inout EstateGenerator) {
            guard depth < 3 else { return }
            let liveChildren = nodes.filter { $0.parent == parent }.sorted { $0.id < $1.id }
            var names = Set<String>()
            let liveNames = Set(liveChildren.map(\.name))
            for child in liveChildren where generator.chance(0.6) && names.insert(child.name).inserted {
                if generator.chance(0.15) {
                    result.append((path + [child.name], true, []))
                } else if generator.chance(0.1), let name = pool.first(where: { !liveNames.contains($0) && !names.contains($0) }) {
                    names.insert(name)
                    result.append((path + [name], false, [child.name]))
                } else {
                    result.append((path + [child.name], false, []))
                    walk(child.id, path + [child.name], depth + 1, &generator)
                }
            }
            for name in generator.pick(0...1, from: pool) where names.insert(name).inserted {
                guard !liveNames.contains(name) else { continue }
                result.append((path + [name], false, []))
                walkNew(path + [name], depth + 1, &generator)
            }
        }
        func walkNew(_ path: [String], _ depth: Int, _ generator: inout EstateGenerator) {
            guard depth < 3, generator.chance(0.3) else { return }
            let name = generator.pick(1...1, from: pool)[0]
            result.append((path + [name], false, []))
        }
        walk(nil, [], 0, &self)
        return result
    }
}

extension DesiredState {
    /// Only the declarations of `kinds`, and a prune of those only: manifests that leave the others out.
    package func declaring(_ kinds: Set<ObjectKind>) -> DesiredState {
        var kept = self
        if !kinds.contains(.companies) { kept.companies = [] }
        if !kinds.contains(.groups) { kept.groups = [] }
        if !kinds.contains(.locations) { kept.locations = [] }
        if !kinds.contains(.helpdesks) { kept.helpdesks = [] }
        if !kinds.contains(.kbCategories) { kept.kbCategories = [] }
        if !kinds.contains(.customFields) { kept.customFields = [] }
        kept.policy.prune.formIntersection(kinds)
        // Users are kept when declared; new ones also when a kept declaration names them.
        var pulledIn: [PulledIn] = []
        kept.keepUsers(where: { _ in kinds.contains(.users) }, from: users, pulledIn: &pulledIn)
        return kept
    }
}

extension OperationResult {
    /// The id of a `.created` answer.
    package var createdID: Int {
        if case .created(let id) = self { return id }
        preconditionFailure("not a create: \(self)")
    }
}

/// The seeds of a property test: `cases` consecutive ones from a random start, or only the one in
/// `DESKFORM_SEED` (to replay a failure, whose seed the test prints).
package func propertySeeds(_ cases: Int, environment: [String: String] = ProcessInfo.processInfo.environment) -> [UInt64] {
    if let replay = environment["DESKFORM_SEED"].flatMap(UInt64.init) { return [replay] }
    let base = UInt64.random(in: 0...UInt64.max >> 8)
    return (0..<UInt64(cases)).map { base &+ $0 }
}
