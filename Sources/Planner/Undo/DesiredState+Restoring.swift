import EstateModel

extension DesiredState {
    /// The way back for `undo`: each of `restored` as `before` holds it (names, parents, members,
    /// observers, related groups by name, a field's options), and each of `created` that `before` does not
    /// hold declared absent. A company or KB category that `now` holds (same id) under another name or
    /// path is renamed or moved back in place. Nothing is pruned; `maxDeletes` is the policy's limit.
    public init(restoring restored: Set<Address>, created: Set<Address>, from before: Estate, now: Estate, maxDeletes: Int) {
        self.init(policy: Policy(maxDeletes: maxDeletes))
        let present = Set(before.addresses)
        let absent = created.subtracting(present)
        func path(_ address: Address) -> [String] { address.name.split(separator: "/", omittingEmptySubsequences: false).map(String.init) }
        func names(_ ids: Set<Int>) -> [String] { ids.compactMap { before.groups[$0]?.name }.sorted() }

        for company in before.companies.values.sorted(by: { $0.id < $1.id }) where restored.contains(Address(.company, company.name)) {
            let current = now.companies[company.id].map(\.name).flatMap { $0 == company.name ? nil : $0 }
            companies.append(
                Company(
                    name: company.name, externalID: company.externalID, previousNames: current.map { [$0] } ?? [],
                    groups: names(company.groups),
                    members: company.members, observers: company.observers))
        }
        for group in before.groups.values.sorted(by: { $0.id < $1.id }) where restored.contains(Address(.group, group.name)) {
            groups.append(Group(name: group.name, members: group.members, observers: group.observers))
        }
        for id in before.locations.keys where restored.contains(Address(.location, before.locationPath(of: id).joined(separator: "/"))) {
            let location = before.locations[id]!
            locations.append(Location(path: before.locationPath(of: id), members: location.members, observers: location.observers))
        }
        for id in before.kbCategories.keys
        where restored.contains(Address(.kbCategory, before.kbCategoryPath(of: id).joined(separator: "/"))) {
            let path = before.kbCategoryPath(of: id)
            let current = now.kbCategories[id] == nil ? path : now.kbCategoryPath(of: id)
            let previous = current == path ? [] : [current.count > 1 ? current.joined(separator: "/") : current[0]]
            kbCategories.append(KBCategory(path: path, previousNames: previous))
        }
        for address in absent.sorted() {
            switch address.kind {
            case .company: companies.append(Company(name: address.name, absent: true))
            case .group: groups.append(Group(name: address.name, absent: true))
            case .location: locations.append(Location(path: path(address), absent: true))
            case .kbCategory: kbCategories.append(KBCategory(path: path(address), absent: true))
            default: break
            }
        }
        // Parents before children, as the planner creates them.
        locations.sort { ($0.path.count, $0.path.joined(separator: "/")) < ($1.path.count, $1.path.joined(separator: "/")) }
        kbCategories.sort { ($0.path.count, $0.path.joined(separator: "/")) < ($1.path.count, $1.path.joined(separator: "/")) }

        for helpdesk in before.helpdesks.values.sorted(by: { $0.id < $1.id }) {
            let levels = before.levels.values.filter {
                $0.helpdeskID == helpdesk.id && restored.contains(Address(.level, "\(helpdesk.name)/\($0.name)"))
            }
            .sorted { $0.id < $1.id }.map { Level(id: $0.id, name: $0.name, observers: $0.observers) }
            let observers = restored.contains(Address(.helpdesk, helpdesk.name)) ? helpdesk.observers : nil
            if observers != nil || !levels.isEmpty {
                helpdesks.append(HelpDesk(id: helpdesk.id, name: helpdesk.name, observers: observers, levels: levels))
            }
        }
        // A field any of whose options the apply touched gets back its whole list or tree.
        let fields = Set(
            (restored.union(created)).filter { $0.kind == .option }.compactMap { $0.name.split(separator: "/").first.map(String.init) })
        for field in before.customFields.values.sorted(by: { $0.uid < $1.uid }) where fields.contains(field.label) {
            let kind = before.customFieldTypes.first { $0.id == field.typeID }?.kind
            if kind == .tree || (kind == nil && !field.treeOptions.isEmpty) {
                func children(of parent: String?) -> [TreeOption] {
                    field.treeOptions.filter { $0.parentHash == parent }.map {
                        TreeOption(name: $0.name, key: $0.key, children: children(of: $0.hash))
                    }
                }
                customFields.append(CustomField(uid: field.uid, label: field.label, tree: children(of: nil)))
            } else {
                customFields.append(CustomField(uid: field.uid, label: field.label, options: field.listOptions))
            }
        }
    }
}

extension Estate {
    /// What `undo` compares, per address: each object's managed state in words that do not depend on
    /// ids (related groups by name), so an estate after an apply can be compared with the live one.
    /// With no addresses, every object's.
    public func shapes(of addresses: Set<Address>? = nil) -> [Address: String] {
        var shapes: [Address: String] = [:]
        func ids(_ set: Set<Int>) -> String { set.sorted().map(String.init).joined(separator: ",") }
        for object in countedObjects() {
            let address = address(of: object)
            guard addresses?.contains(address) ?? true else { continue }
            let shape: String? =
                switch object {
                case .company(let id):
                    companies[id].map { company in
                        "external_id=\(company.externalID ?? "") members=\(ids(company.members)) observers=\(ids(company.observers)) groups="
                            + company.groups.compactMap { groups[$0]?.name }.sorted().joined(separator: ",")
                    }
                case .group(let id): groups[id].map { "members=\(ids($0.members)) observers=\(ids($0.observers))" }
                case .location(let id): locations[id].map { "members=\(ids($0.members)) observers=\(ids($0.observers))" }
                case .kbCategory: "present"
                case .helpdesk(let id): helpdesks[id].map { "observers=\(ids($0.observers))" }
                case .level(let id): levels[id].map { "observers=\(ids($0.observers))" }
                case .listOption(let uid, let key): customFields[uid]?.listOptions.first { $0.key == key }.map { "value=\($0.value)" }
                case .treeOption(let uid, let hash): customFields[uid]?.treeOptions.first { $0.hash == hash }.map { "key=\($0.key)" }
                }
            // Two objects at one address (two groups of one name) are compared together.
            guard let shape else { continue }
            shapes[address] = shapes[address].map { [$0, shape].sorted().joined(separator: " | ") } ?? shape
        }
        return shapes
    }
}
