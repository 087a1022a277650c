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

    /// The fingerprint of the kinds that were read (users always are).
    package init(of estate: Estate, kinds: Set<ObjectKind>) {
        var objects: [String: String] = [:]
        var names: [String: String] = [:]
        func add(_ key: String, _ address: Address, _ text: String) {
            objects[key] = Self.hash(text)
            names[key] = address.description
        }
        func ids(_ set: Set<Int>) -> String { set.sorted().map(String.init).joined(separator: ",") }
        objects["users"] = Self.hash(
            estate.users.values.sorted { $0.id < $1.id }.map {
                "\($0.id)|\($0.username)|\($0.email)|\($0.isDisabled)"
            }.joined(separator: "\n"))
        names["users"] = "users"
        if kinds.contains(.users) {
            for user in estate.users.values {
                let attributes = user.attributes.sorted { $0.key < $1.key }.map { "\($0.key.rawValue)=\($0.value)" }.joined(separator: ";")
                add(
                    "user:\(user.id)", Address(.user, user.username),
                    "\(user.username)|\(user.email)|\(user.name)|\(user.lastname)|\(user.isDisabled)|\(user.isDeleted)|\(user.source.rawValue)|\(user.managerID ?? 0)|\(attributes)")
            }
        }
        if kinds.contains(.companies) {
            for company in estate.companies.values {
                add(
                    "company:\(company.id)", Address(.company, company.name),
                    "\(company.name)|\(company.externalID ?? "")|\(ids(company.members))|\(ids(company.groups))|\(ids(company.observers))")
            }
        }
        if kinds.contains(.companies) || kinds.contains(.groups) {
            for group in estate.groups.values {
                add("group:\(group.id)", Address(.group, group.name), "\(group.name)|\(ids(group.members))|\(ids(group.observers))")
            }
        }
        if kinds.contains(.locations) {
            for location in estate.locations.values {
                add(
                    "location:\(location.id)", Address(.location, estate.locationPath(of: location.id).joined(separator: "/")),
                    "\(location.name)|\(location.parentID ?? 0)|\(ids(location.members))|\(ids(location.observers))")
            }
        }
        if kinds.contains(.helpdesks) {
            for helpdesk in estate.helpdesks.values {
                add("helpdesk:\(helpdesk.id)", Address(.helpdesk, helpdesk.name), "\(helpdesk.name)|\(ids(helpdesk.observers))")
            }
            for level in estate.levels.values {
                add(
                    "level:\(level.id)", estate.address(of: .level(level.id)),
                    "\(level.name)|\(level.helpdeskID)|\(level.order)|\(ids(level.observers))")
            }
        }
        if kinds.contains(.kbCategories) {
            for category in estate.kbCategories.values {
                add(
                    "kb_category:\(category.id)", Address(.kbCategory, estate.kbCategoryPath(of: category.id).joined(separator: "/")),
                    "\(category.name)|\(category.parentID ?? 0)")
            }
        }
        if kinds.contains(.customFields) {
            for field in estate.customFields.values {
                let list = field.listOptions.map { "\($0.key)=\($0.value)" }.joined(separator: ";")
                let tree = field.treeOptions.map { "\($0.hash)|\($0.key)|\($0.name)|\($0.parentHash ?? "")" }.joined(separator: ";")
                add("custom_field:\(field.uid)", Address(.customField, field.label), "\(field.label)|\(field.typeID)|\(list)|\(tree)")
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
