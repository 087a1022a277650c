import EstateModel

extension DesiredState {
    /// The way back for `undo`: each of `restored` as `before` holds it (names, parents, members,
    /// observers, related groups by name, a field's options), and each of `created` that `before` does not
    /// hold declared absent. A company or KB category that `now` holds (same id) under another name or
    /// path is renamed or moved back in place. Each of `kept` (a company, group, location, help desk or
    /// level the apply did not touch, but a step back would change as a side effect of the API) is
    /// declared as `now` holds it, so it stays so. Nothing is pruned; `policy` and `protected` are those
    /// of the manifests the apply ran with.
    package init(
        restoring restored: Set<Address>, created: Set<Address>, keeping kept: Set<Address> = [], from before: Estate, now: Estate,
        policy: Policy, protected: Set<Address>
    ) {
        self.init(policy: policy)
        absentReason = "created by the apply being undone"
        let present = Set(before.addresses)
        let absent = created.subtracting(present)
        func path(_ address: Address) -> [String] { address.name.split(separator: "/", omittingEmptySubsequences: false).map(String.init) }
        func names(_ ids: Set<Int>) -> [String] { ids.compactMap { before.groups[$0]?.name }.sorted() }

        for company in before.companies.values.sorted(by: { $0.id < $1.id }) where restored.contains(Address(.company, company.name)) {
            let current = now.companies[company.id].map(\.name).flatMap { $0 == company.name ? nil : $0 }
            companies.append(
                Company(
                    // An external id the apply gave it is cleared.
                    name: company.name, externalID: company.externalID ?? (now.companies[company.id]?.externalID == nil ? nil : ""),
                    previousNames: current.map { [$0] } ?? [],
                    groups: names(company.groups), members: company.members, observers: company.observers,
                    protect: protected.contains(Address(.company, company.name))))
        }
        for group in before.groups.values.sorted(by: { $0.id < $1.id }) where restored.contains(Address(.group, group.name)) {
            groups.append(
                Group(
                    name: group.name, members: group.members, observers: group.observers,
                    protect: protected.contains(Address(.group, group.name))))
        }
        for id in before.locations.keys {
            let address = Address(.location, before.locationPath(of: id).joined(separator: "/"))
            guard restored.contains(address), let location = before.locations[id] else { continue }
            locations.append(
                Location(
                    path: before.locationPath(of: id), members: location.members, observers: location.observers,
                    protect: protected.contains(address)))
        }
        for id in before.kbCategories.keys {
            let path = before.kbCategoryPath(of: id)
            let address = Address(.kbCategory, path.joined(separator: "/"))
            guard restored.contains(address) else { continue }
            let current = now.kbCategories[id] == nil ? path : now.kbCategoryPath(of: id)
            kbCategories.append(
                KBCategory(path: path, previousPaths: current == path ? [] : [current], protect: protected.contains(address)))
        }
        for address in absent.sorted() {
            let protect = protected.contains(address)
            switch address.kind {
            case .company: companies.append(Company(name: address.name, protect: protect, absent: true))
            case .group: groups.append(Group(name: address.name, protect: protect, absent: true))
            case .location: locations.append(Location(path: path(address), protect: protect, absent: true))
            case .kbCategory: kbCategories.append(KBCategory(path: path(address), protect: protect, absent: true))
            default: break
            }
        }
        for company in now.companies.values.sorted(by: { $0.id < $1.id }) where kept.contains(Address(.company, company.name)) {
            companies.append(
                Company(
                    name: company.name, groups: company.groups.compactMap { now.groups[$0]?.name }.sorted(), members: company.members,
                    observers: company.observers))
        }
        for group in now.groups.values.sorted(by: { $0.id < $1.id }) where kept.contains(Address(.group, group.name)) {
            groups.append(Group(name: group.name, members: group.members, observers: group.observers))
        }
        for (id, location) in now.locations where kept.contains(Address(.location, now.locationPath(of: id).joined(separator: "/"))) {
            locations.append(Location(path: now.locationPath(of: id), members: location.members, observers: location.observers))
        }
        restoreUsers(restored.union(created), from: before, now: now)
        // Parents before children, as the planner creates them.
        locations.sort { ($0.path.count, $0.path.joined(separator: "/")) < ($1.path.count, $1.path.joined(separator: "/")) }
        kbCategories.sort { ($0.path.count, $0.path.joined(separator: "/")) < ($1.path.count, $1.path.joined(separator: "/")) }

        for helpdesk in before.helpdesks.values.sorted(by: { $0.id < $1.id }) {
            /// Its observers as `before` holds them when restored, as `now` does when kept.
            func observers(_ address: Address, before: Set<Int>, now: Set<Int>?) -> Set<Int>? {
                restored.contains(address) ? before : kept.contains(address) ? now : nil
            }
            let levels = before.levels.values.sorted { $0.id < $1.id }.compactMap { level -> Level? in
                guard level.helpdeskID == helpdesk.id,
                    let observers = observers(
                        Address(.level, "\(helpdesk.name)/\(level.name)"), before: level.observers, now: now.levels[level.id]?.observers)
                else { return nil }
                return Level(id: level.id, name: level.name, observers: observers)
            }
            let observers = observers(
                Address(.helpdesk, helpdesk.name), before: helpdesk.observers, now: now.helpdesks[helpdesk.id]?.observers)
            if observers != nil || !levels.isEmpty {
                helpdesks.append(HelpDesk(id: helpdesk.id, name: helpdesk.name, observers: observers, levels: levels))
            }
        }
        // A field any of whose options the apply touched gets back its whole list or tree.
        let fields = before.fieldLabels(holding: restored.union(created))
        for field in before.customFields.values.sorted(by: { $0.uid < $1.uid }) where fields.contains(field.label) {
            let kind = before.fieldKind(field)
            if kind == .tree || (kind == .other && !field.treeOptions.isEmpty) {
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
    /// The labels of the fields that hold any of the options among `addresses` (`option["Office/Europe"]`
    /// is a field's label, a slash, then the option's key or path; a label may hold a slash too).
    package func fieldLabels(holding addresses: Set<Address>) -> Set<String> {
        let options = addresses.filter { $0.kind == .option }.map(\.name)
        return Set(customFields.values.map(\.label).filter { label in options.contains { $0.hasPrefix(label + "/") } })
    }
}
