import EstateModel

extension Planner {
    /// Per desired company, the live company it is (nil: to be created). Identity is `external_id`
    /// when set, else the name, else one of `previous_names`.
    func matchCompanies() throws(PlanError) -> [Int?] {
        var claimed: Set<Int> = []
        var matches: [Int?] = []
        let index = LiveIndex(live.companies.values, name: \.name, externalID: \.externalID)
        for company in desired.companies {
            let address = Address(.company, company.name)
            var candidates: [Company] = []
            if let externalID = company.identity {
                candidates = index.byExternalID[externalID] ?? []
            }
            if candidates.isEmpty {
                for name in [company.name] + company.previousNames {
                    candidates = (index.byName[name] ?? []).filter {
                        company.identity == nil || $0.externalID == nil || $0.externalID == company.externalID
                    }
                    if !candidates.isEmpty { break }
                }
            }
            if candidates.isEmpty, let externalID = company.identity,
                let other = ([company.name] + company.previousNames).lazy.compactMap({ index.byName[$0]?.first { $0.externalID != nil } })
                    .first
            {
                // Never a silent second company with the same name: a typo, or a change of identity.
                throw .otherIdentity(
                    address,
                    why:
                        "no live company has external_id \"\(externalID)\", but live company \(other.id) \"\(other.name)\" has external_id \"\(other.externalID!)\"",
                    hint: "if \"\(externalID)\" is a typo, write external_id: \(other.externalID!); if the company's identity changes, "
                        + "delete the old one first (declare it with external_id: \(other.externalID!) and absent: true, apply) and then declare the new one"
                )
            }
            candidates.removeAll { claimed.contains($0.id) }
            guard candidates.count <= 1 else {
                throw .ambiguous(
                    address,
                    why:
                        "\(candidates.count) live companies match (ids \(candidates.map(\.id).sorted().map(String.init).joined(separator: ", ")))"
                )
            }
            if let match = candidates.first { claimed.insert(match.id) }
            matches.append(candidates.first?.id)
        }
        return matches
    }

    /// Creates and renames companies (deletions come last), and learns each one's id in the replay.
    mutating func planCompanyObjects(_ matches: [Int?]) throws(PlanError) {
        companyIDs = Array(repeating: nil, count: desired.companies.count)
        for (index, (company, match)) in zip(desired.companies, matches).enumerated() where !company.absent {
            let address = Address(.company, company.name)
            guard let id = match else {
                change(
                    address, .create, reason: "not in the instance", after: attributes(name: company.name, externalID: company.externalID))
                if case .created(let id) = try steps.add(.createCompany(name: company.name, externalID: company.externalID), for: address) {
                    companyIDs[index] = id
                }
                continue
            }
            companyIDs[index] = id
            let current = live.companies[id]!
            let rename = current.name != company.name ? company.name : nil
            let newExternalID = company.externalID.flatMap { $0 != (current.externalID ?? "") ? $0 : nil }
            if rename != nil || newExternalID != nil {
                let reason = rename != nil ? "renamed from \"\(current.name)\"" : "external_id differs"
                change(
                    address, .update, reason: reason,
                    before: attributes(name: current.name, externalID: current.externalID),
                    after: attributes(name: company.name, externalID: company.externalID ?? current.externalID))
                try steps.add(.updateCompany(id: id, name: rename, externalID: newExternalID), for: address)
            }
        }
    }

    enum RelationPhase { case unrelate, relate }

    /// Company–group relations, one direction at a time. Un-relating keeps memberships: the members'
    /// steps settle them against the replay.
    mutating func planCompanyRelations(_ phase: RelationPhase) throws(PlanError) {
        for (company, id) in zip(desired.companies, companyIDs) {
            guard let id, let wanted = company.groups else { continue }
            let address = Address(.company, company.name)
            var wantedIDs: Set<Int> = []
            for name in wanted {
                guard let group = try groupID(named: name, for: address) else { continue }
                wantedIDs.insert(group)
            }
            let current = steps.estate.companies[id]!.groups
            let removed = current.subtracting(wantedIDs).sorted()
            let added = wantedIDs.subtracting(current).sorted()
            switch phase {
            case .unrelate:
                relationChange(address, "groups", added: [], removed: removed.map(groupName))
                if !removed.isEmpty { try steps.add(.unrelateGroups(company: id, groups: removed, unlinkUsers: false), for: address) }
            case .relate:
                relationChange(address, "groups", added: added.map(groupName), removed: [])
                if !added.isEmpty { try steps.add(.relateGroups(company: id, groups: added), for: address) }
            }
        }
    }

    /// Company members: removals first (they also leave the company's groups), then additions (they
    /// also join them). Group memberships are settled afterwards against the replay.
    mutating func planCompanyMembers() throws(PlanError) {
        for (company, id) in zip(desired.companies, companyIDs) {
            guard let id, let declared = company.members else { continue }
            let wanted = declaredMembers(.company, company.name, declared)
            let address = Address(.company, company.name)
            let current = steps.estate.companies[id]!.members
            let removed = current.subtracting(wanted).sorted()
            let added = wanted.subtracting(current).sorted()
            relationChange(address, "members", added: userNames(added), removed: userNames(removed))
            if !removed.isEmpty { try steps.add(.removeMembers(.company(id), users: removed), for: address) }
            if !added.isEmpty { try steps.add(.addMembers(.company(id), users: added), for: address) }
        }
    }

    func attributes(name: String, externalID: String?) -> [String: String] {
        var attributes = ["name": name]
        if let externalID { attributes["external_id"] = externalID }
        return attributes
    }

    /// `name`, and `parent` (a path) below the root.
    func attributes(name: String, parent: [String]) -> [String: String] {
        parent.isEmpty ? ["name": name] : ["name": name, "parent": parent.joined(separator: "/")]
    }

    func groupName(_ id: Int) -> String {
        steps.estate.groups[id]?.name ?? live.groups[id]?.name ?? "#\(id)"
    }
}
