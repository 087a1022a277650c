import EstateModel
import Planner

/// Users in random estates: attributes, managers, disabled and directory accounts live; declared users
/// renamed, updated, disabled or enabled, with memberships from their side; new users, some managing others.
extension EstateGenerator {
    static let departments = ["IT", "HR", "Sales", "Ops"]

    /// Gives the live users departments and positions, managers, some disabled, the last one a directory account.
    mutating func addUserDetails(to estate: inout Estate) {
        for id in 1...userCount {
            if chance(0.5) { estate.users[id]!.attributes[.department] = pick(1...1, from: Self.departments)[0] }
            if chance(0.3) { estate.users[id]!.attributes[.position] = "Position \(id)" }
            if chance(0.3), id > 1 { estate.users[id]!.managerID = Int.random(in: 1..<id, using: &random) }
            if chance(0.15) { estate.users[id]!.isDisabled = true }
        }
        estate.users[userCount]!.source = .ldap
        estate.advanceSequences()
    }

    /// Some live users declared: kept, renamed, given another department, disabled or enabled, with their
    /// side of group, company and location memberships (names that exist or are declared).
    mutating func desiredUsers(over live: Estate, referable: (groups: [String], companies: [String], locations: [String])) -> [DesiredState.User] {
        var users: [DesiredState.User] = []
        for id in 1...userCount where chance(0.4) {
            let current = live.users[id]!
            var user = DesiredState.User(id: id, username: current.username)
            if current.source.isDirectory {
                user.attributes = current.attributes
            } else {
                if chance(0.2) { user.username = "person\(id)" }
                if chance(0.3) { user.attributes[.department] = chance(0.2) ? "" : pick(1...1, from: Self.departments)[0] }
                if chance(0.2) { user.name = "Name \(id)" }
                let manager = Int.random(in: 1...userCount, using: &random)
                if chance(0.2), manager != id, !live.users[manager]!.isDeleted { user.managerID = manager }
                if chance(0.3) { user.disabled = chance(0.5) }
            }
            if chance(0.4) { user.groups = Set(pick(0...2, from: referable.groups)) }
            if chance(0.3) { user.companies = Set(pick(0...2, from: referable.companies)) }
            if chance(0.3) { user.locations = Set(pick(0...1, from: referable.locations).map { $0.split(separator: "/").map(String.init) }) }
            users.append(user)
        }
        return users
    }

    /// Up to two new users, the second perhaps managed by the first, made members of some declared groups.
    mutating func addNewUsers(to desired: inout DesiredState) {
        var next = userCount
        var new: [DesiredState.User] = []
        for index in 0..<Int.random(in: 0...2, using: &random) {
            next += 1
            var user = DesiredState.User(
                id: next, username: "hire\(index)", isNew: true, email: "hire\(index)@example.com", name: "Hire", lastname: "\(index)")
            if chance(0.5) { user.attributes[.department] = pick(1...1, from: Self.departments)[0] }
            if index > 0, chance(0.5) { user.managerID = next - 1 }
            if chance(0.2) { user.disabled = true }
            if chance(0.4) { user.groups = Set(pick(0...2, from: desired.groups.filter { !$0.absent }.map(\.name))) }
            new.append(user)
            for group in desired.groups.indices where !desired.groups[group].absent && desired.groups[group].members != nil && chance(0.3) {
                desired.groups[group].members!.insert(next)
            }
        }
        desired.users = new + desired.users
    }
}
