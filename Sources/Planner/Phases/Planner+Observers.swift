import EstateModel

extension Planner {
    /// Observers of every declared company, group, location, help desk and level, against the replay.
    mutating func planObservers() throws(PlanError) {
        for (company, id) in zip(desired.companies, companyIDs) {
            guard let id, let wanted = company.observers else { continue }
            try planObservers(.company(id), wanted: wanted, address: Address(.company, company.name))
        }
        for (group, id) in zip(desired.groups, groupIDs) {
            guard let id else { continue }
            if let wanted = group.observers {
                try planObservers(.group(id), wanted: wanted, address: Address(.group, group.name))
            } else if let carried = carriedOver(id), !carried.observers.isEmpty {
                try steps.add(.addObservers(.group(id), users: carried.observers.sorted()), for: Address(.group, group.name))
            }
        }
        for location in desired.locations where !location.absent {
            guard let wanted = location.observers, let id = try locationID(at: location.path) else { continue }
            try planObservers(.location(id), wanted: wanted, address: Address(.location, location.path.joined(separator: "/")))
        }
        for helpdesk in desired.helpdesks {
            if let wanted = helpdesk.observers {
                try planObservers(.helpdesk(helpdesk.id), wanted: wanted, address: Address(.helpdesk, helpdesk.name))
            }
            for level in helpdesk.levels {
                guard let wanted = level.observers else { continue }
                try planObservers(.level(level.id), wanted: wanted, address: Address(.level, "\(helpdesk.name)/\(level.name)"))
            }
        }
    }

    private mutating func planObservers(_ entity: ObservedEntity, wanted: Set<Int>, address: Address) throws(PlanError) {
        let current = steps.estate.observers(of: entity) ?? []
        let removed = current.subtracting(wanted).sorted()
        let added = wanted.subtracting(current).sorted()
        relationChange(address, "observers", added: userNames(added), removed: userNames(removed))
        if !removed.isEmpty { try steps.add(.removeObservers(entity, users: removed), for: address) }
        if !added.isEmpty { try steps.add(.addObservers(entity, users: added), for: address) }
    }
}
