import EstateModel

extension DesiredState {
    /// The users `selected` keeps, with each new user that a kept object names (as a member, an observer
    /// or a manager) pulled in. (The planner numbers the new users kept as its replay creates them.)
    package mutating func keepUsers(where selected: (User) -> Bool, from all: [User], pulledIn: inout [PulledIn]) {
        users = all.filter(selected)
        let newUsers = Dictionary(all.filter(\.isNew).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var kept = Set(users.map(\.id))
        var waiting = Array(namedUsers.subtracting(kept))
        while let id = waiting.popLast() {
            guard let user = newUsers[id], kept.insert(id).inserted else { continue }
            pulledIn.append(PulledIn(address: Address(.user, user.username), neededBy: naming(id) ?? Address(.user, user.username)))
            if let manager = user.managerID { waiting.append(manager) }
        }
        users = all.filter { kept.contains($0.id) }
    }

    /// The first kept object that names user `id`: a group, company or location, or a user it manages.
    private func naming(_ id: Int) -> Address? {
        if let group = groups.first(where: { ($0.members ?? []).union($0.observers ?? []).contains(id) }) { return Address(.group, group.name) }
        if let company = companies.first(where: { ($0.members ?? []).union($0.observers ?? []).contains(id) }) {
            return Address(.company, company.name)
        }
        if let location = locations.first(where: { ($0.members ?? []).union($0.observers ?? []).contains(id) }) {
            return Address(.location, location.path.joined(separator: "/"))
        }
        return users.first { $0.managerID == id }.map { Address(.user, $0.username) }
    }
}
