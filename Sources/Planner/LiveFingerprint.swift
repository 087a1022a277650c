import EstateModel

/// A fingerprint of every live object and relation a plan was made from, one short hash per object,
/// so that `apply PLANFILE` can tell whether anything it read has changed since, and what.
package struct LiveFingerprint: Equatable, Sendable, Codable {
    /// Object key (`company:12`, `users`) → hash of its attributes and relations.
    package var objects: [String: String]
    /// Object key → how a plan names the object (`group["Ops"]`, `location["Madrid/Floor 2"]`; `users`
    /// for all users), so that a refusal names what changed as the plan showed it.
    package var names: [String: String]

    package init(objects: [String: String], names: [String: String]) {
        self.objects = objects
        self.names = names
    }

    /// The fingerprint of the kinds that were read (users always are), by each kind's managed state.
    package init(of estate: Estate, kinds: Set<ObjectKind>) {
        var objects: [String: String] = [:]
        var names: [String: String] = [:]
        objects["users"] = Self.hash(
            estate.users.values.sorted { $0.id < $1.id }.map {
                "\($0.id)|\($0.username)|\($0.email)|\($0.isDisabled)"
            }.joined(separator: "\n"))
        names["users"] = "users"
        // Companies relate groups: the groups were read with them, and their side effects reach them.
        let read = kinds.union(kinds.contains(.companies) ? [.groups] : [])
        for kind in read {
            for object in kind.descriptor.managedObjects(estate) {
                objects[object.key] = Self.hash("\(object.address) \(object.state)")
                names[object.key] = object.address.description
            }
        }
        self.objects = objects
        self.names = names
    }

    /// One object that is not as the plan read it.
    package struct Difference: Equatable, Sendable, CustomStringConvertible {
        package enum Change: String, Equatable, Sendable {
            case changed, gone, new
        }

        /// As the plan names it (`group["Ops"]`); for an object that is new, as it is named now.
        package var object: String
        package var change: Change

        package init(_ object: String, _ change: Change) {
            self.object = object
            self.change = change
        }

        package var description: String {
            switch change {
            case .changed: "\(object) changed"
            case .gone: "\(object) is gone"
            case .new: "\(object) is new"
            }
        }
    }

    /// What differs from `other` (the fingerprint the plan was made with): objects changed, gone or
    /// new, sorted by name.
    package func differences(from other: LiveFingerprint) -> [Difference] {
        let keys = Set(objects.keys).union(other.objects.keys)
        return keys.filter { objects[$0] != other.objects[$0] }.map { key in
            switch (other.objects[key], objects[key]) {
            case (nil, _): Difference(names[key] ?? key, .new)
            case (_, nil): Difference(other.names[key] ?? key, .gone)
            default: Difference(other.names[key] ?? key, .changed)
            }
        }.sorted { ($0.object, $0.change.rawValue) < ($1.object, $1.change.rawValue) }
    }

    /// 16 hex digits of FNV-1a: enough to notice a change, not a security boundary.
    static func hash(_ text: String) -> String { FNVHash.hex(text) }
}
