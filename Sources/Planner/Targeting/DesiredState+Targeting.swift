import EstateModel

extension DesiredState {
    /// Every address the manifests declare, as a plan prints them.
    package var addresses: [Address] {
        var addresses = companies.map { Address(.company, $0.name) } + groups.map { Address(.group, $0.name) }
        addresses += locations.map { Address(.location, $0.path.joined(separator: "/")) }
        for helpdesk in helpdesks {
            addresses.append(Address(.helpdesk, helpdesk.name))
            addresses += helpdesk.levels.map { Address(.level, "\(helpdesk.name)/\($0.name)") }
        }
        addresses += kbCategories.map { Address(.kbCategory, $0.path.joined(separator: "/")) }
        addresses += customFields.map { Address(.customField, $0.label) }
        addresses += users.map { Address(.user, $0.username) }
        return addresses
    }

    /// Only what `targeting` selects, and what it needs in order to exist: a declared parent location or
    /// KB category that `live` lacks, a declared group that a selected company relates to and `live`
    /// lacks. Pruning is limited to selected objects (``Policy/targeting``).
    /// What is pulled in that way is in the result's ``pulledIn``, for the plan to say.
    package func targeted(_ targeting: Targeting, live: Estate) -> DesiredState {
        guard !targeting.isEverything else { return self }
        var result = self
        var pulledIn: [PulledIn] = []
        result.policy.targeting = targeting
        result.companies = companies.filter { targeting.selects(Address(.company, $0.name)) }
        let liveGroupNames = Set(live.groups.values.map(\.name))
        var keptGroups = Set(groups.filter { targeting.selects(Address(.group, $0.name)) }.map(\.name))
        for company in result.companies where !company.absent {
            for name in company.groups ?? [] where !keptGroups.contains(name) && !liveGroupNames.contains(name) {
                guard groups.contains(where: { $0.name == name && !$0.absent }) else { continue }
                keptGroups.insert(name)
                pulledIn.append(PulledIn(address: Address(.group, name), neededBy: Address(.company, company.name)))
            }
        }
        result.groups = groups.filter { keptGroups.contains($0.name) }
        let livePaths = Set(live.locations.keys.map { live.locationPath(of: $0) })
        result.locations = Self.withNewAncestors(
            of: locations, path: \.path, absent: \.absent, kind: .location, targeting: targeting, live: livePaths, pulledIn: &pulledIn)
        let liveCategories = Set(live.kbCategories.keys.map { live.kbCategoryPath(of: $0) })
        result.kbCategories = Self.withNewAncestors(
            of: kbCategories, path: \.path, absent: \.absent, kind: .kbCategory, targeting: targeting, live: liveCategories,
            pulledIn: &pulledIn)
        result.helpdesks = helpdesks.compactMap { helpdesk in
            var kept = helpdesk
            if !targeting.selects(Address(.helpdesk, helpdesk.name)) { kept.observers = nil }
            kept.levels = helpdesk.levels.filter { targeting.selects(Address(.level, "\(helpdesk.name)/\($0.name)")) }
            return kept.observers == nil && kept.levels.isEmpty ? nil : kept
        }
        result.customFields = customFields.filter { targeting.selects(Address(.customField, $0.label)) }
        result.keepUsers(where: { targeting.selects(Address(.user, $0.username)) }, from: users, pulledIn: &pulledIn)
        result.pulledIn = pulledIn
        return result
    }

    /// The selected nodes of a tree, parents before children, with each declared ancestor that `live`
    /// lacks pulled in.
    private static func withNewAncestors<Node>(
        of nodes: [Node], path: KeyPath<Node, [String]>, absent: KeyPath<Node, Bool>, kind: Address.Kind, targeting: Targeting,
        live: Set<[String]>, pulledIn: inout [PulledIn]
    ) -> [Node] {
        var kept = Set(
            nodes.filter { targeting.selects(Address(kind, $0[keyPath: path].joined(separator: "/"))) }.map { $0[keyPath: path] })
        let declared = Dictionary(nodes.map { ($0[keyPath: path], $0) }, uniquingKeysWith: { first, _ in first })
        for node in nodes where kept.contains(node[keyPath: path]) && !node[keyPath: absent] {
            let nodePath = node[keyPath: path]
            for depth in 1..<max(nodePath.count, 1) {
                let ancestor = Array(nodePath.prefix(depth))
                guard !kept.contains(ancestor), !live.contains(ancestor), declared[ancestor] != nil else { continue }
                kept.insert(ancestor)
                pulledIn.append(
                    PulledIn(
                        address: Address(kind, ancestor.joined(separator: "/")), neededBy: Address(kind, nodePath.joined(separator: "/"))))
            }
        }
        return nodes.filter { kept.contains($0[keyPath: path]) }
    }

    /// An object outside the targets that a targeted one needs in order to exist.
    package struct PulledIn: Equatable, Hashable, Sendable, CustomStringConvertible {
        package var address: Address
        package var neededBy: Address

        package var description: String { "\(address) (new, needed by \(neededBy))" }
    }
}

extension Estate {
    /// Every address of this estate's organisation, as a plan prints them (options aside).
    package var addresses: [Address] {
        let objects = countedObjects().filter {
            switch $0 {
            case .listOption, .treeOption: false
            default: true
            }
        }
        return (objects.map(address(of:)) + customFields.values.map { Address(.customField, $0.label) }).sorted()
    }
}
