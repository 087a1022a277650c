import EstateModel

/// The proof every plan must pass: the replayed estate equals the desired state on everything managed.
enum Convergence {
    static func mismatches(desired: DesiredState, replayed estate: Estate, fetched: Set<ObjectKind>) -> [String] {
        var found: [String] = []
        func users(_ ids: Set<Int>) -> String {
            ids.sorted().map { estate.users[$0]?.username ?? "#\($0)" }.joined(separator: ", ")
        }
        func compare(_ what: String, _ wanted: Set<Int>?, _ actual: Set<Int>) {
            if let wanted, wanted != actual { found.append("\(what) would be [\(users(actual))], not [\(users(wanted))]") }
        }

        let sides = Dictionary(uniqueKeysWithValues: MembershipTarget.Kind.allCases.map { ($0, desired.userMemberships($0)) })
        func members(_ kind: MembershipTarget.Kind, _ name: String, _ declared: Set<Int>?) -> Set<Int>? {
            declared.map { $0.union(sides[kind]?.listing[name] ?? []) }
        }

        let companies = LiveIndex(estate.companies.values, name: \.name, externalID: \.externalID)
        for company in desired.companies {
            let address = Address(.company, company.name)
            let matches = company.identity.map { companies.byExternalID[$0] ?? [] } ?? companies.byName[company.name] ?? []
            if company.absent {
                if !matches.isEmpty { found.append("\(address) would still exist") }
                continue
            }
            guard matches.count == 1, let live = matches.first else {
                found.append("\(address) would exist \(matches.count) times")
                continue
            }
            if live.name != company.name { found.append("\(address) would be named \"\(live.name)\"") }
            if company.externalID == "", let kept = live.externalID { found.append("\(address) would keep external_id \"\(kept)\"") }
            if let groups = company.groups {
                let actual = Set(live.groups.compactMap { estate.groups[$0]?.name })
                if actual != Set(groups) { found.append("\(address) groups would be \(actual.sorted()), not \(Set(groups).sorted())") }
            }
            compare("\(address) members", members(.company, company.name, company.members), live.members)
            compare("\(address) observers", company.observers, live.observers)
        }

        let groups = LiveIndex(estate.groups.values, name: \.name)
        for group in desired.groups {
            let address = Address(.group, group.name)
            let matches = groups.byName[group.name] ?? []
            if group.absent {
                if !matches.isEmpty { found.append("\(address) would still exist") }
                continue
            }
            guard matches.count == 1, let live = matches.first else {
                found.append("\(address) would exist \(matches.count) times")
                continue
            }
            compare("\(address) members", members(.group, group.name, group.members), live.members)
            compare("\(address) observers", group.observers, live.observers)
        }

        let locations = PathIndex.locations(of: estate)
        for location in desired.locations {
            let address = Address(.location, location.path.joined(separator: "/"))
            let id = try? locations.node(at: location.path)
            if location.absent {
                if id != nil { found.append("\(address) would still exist") }
                continue
            }
            guard let id, let live = estate.locations[id] else {
                found.append("\(address) would not exist")
                continue
            }
            compare("\(address) members", members(.location, address.name, location.members), live.members)
            compare("\(address) observers", location.observers, live.observers)
        }

        for helpdesk in desired.helpdesks {
            compare("\(Address(.helpdesk, helpdesk.name)) observers", helpdesk.observers, estate.helpdesks[helpdesk.id]?.observers ?? [])
            for level in helpdesk.levels {
                compare(
                    "\(Address(.level, "\(helpdesk.name)/\(level.name)")) observers", level.observers,
                    estate.levels[level.id]?.observers ?? [])
            }
        }

        let categories = PathIndex.kbCategories(of: estate)
        for category in desired.kbCategories {
            let exists = (try? categories.node(at: category.path)) != nil
            if exists == category.absent {
                found.append("\(Address(.kbCategory, category.path.joined(separator: "/"))) would \(exists ? "still" : "not") exist")
            }
        }

        for field in desired.customFields {
            let address = Address(.customField, field.label)
            let live = estate.customFields[field.uid]
            if let options = field.options {
                let actual = Dictionary(live?.listOptions.map { ($0.key, $0.value) } ?? [], uniquingKeysWith: { $1 })
                let wanted = Dictionary(options.map { ($0.key, $0.value) }, uniquingKeysWith: { $1 })
                if actual != wanted {
                    found.append(
                        "\(address) options would be \(actual.sorted { $0.key < $1.key }), not \(wanted.sorted { $0.key < $1.key })")
                }
            }
            if let tree = field.tree {
                let actual = TreeShape.of(live?.treeOptions ?? [])
                let wanted = TreeShape.of(tree)
                if !TreeShape.matches(wanted, actual) { found.append("\(address) tree would be \(actual), not \(wanted)") }
            }
        }

        found += userMismatches(desired: desired, replayed: estate)
        found += prunedLeftovers(desired: desired, estate: estate, fetched: fetched)
        return found
    }

    /// Undeclared objects of pruned kinds that would survive (ignored ones excepted).
    private static func prunedLeftovers(desired: DesiredState, estate: Estate, fetched: Set<ObjectKind>) -> [String] {
        let prune = desired.policy.prune.intersection(fetched)
        var found: [String] = []
        if prune.contains(.companies) {
            let declaredNames = Set(desired.companies.filter { !$0.absent && $0.identity == nil }.map(\.name))
            let declaredIDs = Set(desired.companies.filter { !$0.absent }.compactMap(\.identity))
            let referenced = Set(desired.users.flatMap { $0.companies ?? [] })
            for company in estate.companies.values where !desired.policy.leavesAlone(Address(.company, company.name)) {
                let declared =
                    declaredNames.contains(company.name) || company.externalID.map(declaredIDs.contains) == true
                    || referenced.contains(company.name)
                if !declared { found.append("\(Address(.company, company.name)) is not declared but would survive the prune") }
            }
        }
        if prune.contains(.groups) {
            let referenced = Set(desired.companies.flatMap { $0.groups ?? [] } + desired.users.flatMap { $0.groups ?? [] })
            let declared = Set(desired.groups.filter { !$0.absent }.map(\.name))
            for group in estate.groups.values
            where !desired.policy.leavesAlone(Address(.group, group.name)) && !referenced.contains(group.name) {
                if !declared.contains(group.name) {
                    found.append("\(Address(.group, group.name)) is not declared but would survive the prune")
                }
            }
        }
        if prune.contains(.locations) {
            let declared = Set(desired.locations.filter { !$0.absent }.map(\.path))
            let paths = estate.locations.keys.map { ($0, estate.locationPath(of: $0)) }
            // Whether a location or one below it is left alone, for all of them at once: each marks its ancestors.
            var keptBelow: Set<Int> = []
            for (id, path) in paths where desired.policy.leavesAlone(Address(.location, path.joined(separator: "/"))) {
                keptBelow.insert(id)
                keptBelow.formUnion(estate.locationAncestors(of: id))
            }
            for (id, path) in paths where !declared.contains(path) && !keptBelow.contains(id) {
                found.append("\(Address(.location, path.joined(separator: "/"))) is not declared but would survive the prune")
            }
        }
        if prune.contains(.kbCategories) {
            let declared = Set(desired.kbCategories.filter { !$0.absent }.map(\.path))
            let paths = estate.kbCategories.keys.map { ($0, estate.kbCategoryPath(of: $0)) }
            // A category is kept when it or one below it is declared or left alone: each such marks its ancestors.
            var keptBelow: Set<Int> = []
            for (id, path) in paths
            where declared.contains(path) || desired.policy.leavesAlone(Address(.kbCategory, path.joined(separator: "/"))) {
                keptBelow.insert(id)
                keptBelow.formUnion(estate.kbCategoryAncestors(of: id))
            }
            for (id, path) in paths {
                if !keptBelow.contains(id) {
                    found.append("\(Address(.kbCategory, path.joined(separator: "/"))) is not declared but would survive the prune")
                }
            }
        }
        if prune.contains(.users) {
            let named = desired.namedUsers
            for user in estate.users.values where user.isActive && !user.source.isDirectory && !named.contains(user.id) {
                let address = Address(.user, user.username)
                if !desired.policy.leavesAlone(address) { found.append("\(address) is not declared but would stay enabled after the prune") }
            }
        }
        return found
    }
}

/// A tree of options compared by name and (declared) key, ignoring hashes and undeclared keys.
struct TreeShape: Equatable, CustomStringConvertible {
    var name: String
    var key: String?
    var children: [TreeShape]

    static func of(_ options: TreeOptions) -> [TreeShape] {
        let children = Dictionary(grouping: options, by: \.parentHash)
        func build(_ parent: String?) -> [TreeShape] {
            (children[parent] ?? []).map { TreeShape(name: $0.name, key: $0.key, children: build($0.hash)) }
        }
        return build(nil)
    }

    static func of(_ options: [DesiredState.TreeOption]) -> [TreeShape] {
        options.map { TreeShape(name: $0.name, key: $0.key, children: of($0.children)) }
    }

    /// Same names, nesting and declared keys, siblings in any order.
    static func matches(_ wanted: [TreeShape], _ actual: [TreeShape]) -> Bool {
        guard wanted.count == actual.count else { return false }
        var remaining = actual
        for node in wanted {
            guard
                let index = remaining.firstIndex(where: { candidate in
                    candidate.name == node.name && (node.key == nil || node.key == candidate.key)
                        && matches(node.children, candidate.children)
                })
            else { return false }
            remaining.remove(at: index)
        }
        return true
    }

    var description: String {
        let label = key.map { "\(name) (\($0))" } ?? name
        return children.isEmpty ? label : "\(label) [\(children.map(\.description).joined(separator: ", "))]"
    }
}

extension DesiredState.Company {
    /// Whether `company` is this one: by external id when declared, else by name.
    func identifies(_ company: EstateModel.Company) -> Bool {
        if let identity { return company.externalID == identity }
        return company.name == name
    }
}

/// Live objects by name (and external id), built once instead of a scan per desired object.
struct LiveIndex<Object> {
    var byName: [String: [Object]] = [:]
    var byExternalID: [String: [Object]] = [:]

    init(_ objects: some Sequence<Object>, name: (Object) -> String, externalID: ((Object) -> String?)? = nil) {
        for object in objects {
            byName[name(object), default: []].append(object)
            if let id = externalID?(object) { byExternalID[id, default: []].append(object) }
        }
    }
}
