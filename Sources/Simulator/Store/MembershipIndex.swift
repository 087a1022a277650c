import EstateModel
import InvGateWire

/// Who belongs to and observes what, by user, built in one pass over the estate: what `users.groups`
/// answers. The store keeps it until the estate changes, so a reader's batches of users cost their
/// own size, not a pass over the estate each.
struct MembershipIndex: Sendable {
    struct Entry: Sendable {
        var groups: [Int] = [], groupsObserved: [Int] = []
        var companies: [Int] = [], companiesObserved: [Int] = []
        var helpdesks: [Int] = [], helpdesksObserved: [Int] = []
        var locations: [Int] = [], locationsObserved: [Int] = []
    }

    private var entries: [Int: Entry] = [:]

    init(_ estate: Estate) {
        func index<Value>(_ values: [Int: Value], _ relation: WritableKeyPath<Entry, [Int]>, _ people: (Value) -> Set<Int>) {
            for (id, value) in values.sorted(by: { $0.key < $1.key }) {
                for user in people(value) { entries[user, default: Entry()][keyPath: relation].append(id) }
            }
        }
        index(estate.groups, \.groups, \.members)
        index(estate.groups, \.groupsObserved, \.observers)
        index(estate.companies, \.companies, \.members)
        index(estate.companies, \.companiesObserved, \.observers)
        // Levels are help desks to `users.groups`.
        index(estate.helpdesks, \.helpdesks, \.members)
        index(estate.levels, \.helpdesks, \.members)
        index(estate.helpdesks, \.helpdesksObserved, \.observers)
        index(estate.levels, \.helpdesksObserved, \.observers)
        index(estate.locations.nodes, \.locations, \.members)
        index(estate.locations.nodes, \.locationsObserved, \.observers)
    }

    func record(of user: User) -> UserMembershipsRecord {
        let found = entries[user.id] ?? Entry()
        return UserMembershipsRecord(
            id: user.id, username: user.username, email: user.email,
            groups: found.groups, groupsObserved: found.groupsObserved,
            companies: found.companies, companiesObserved: found.companiesObserved,
            helpdesks: found.helpdesks, helpdesksObserved: found.helpdesksObserved,
            locations: found.locations, locationsObserved: found.locationsObserved)
    }
}
