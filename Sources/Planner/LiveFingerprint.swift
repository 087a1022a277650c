import Estate

/// A fingerprint of every live object and relation a plan was made from, one short hash per object,
/// so that `apply PLANFILE` can tell whether anything it read has changed since, and what.
public struct LiveFingerprint: Equatable, Sendable, Codable {
    /// Object key (`company:12`, `users`) → hash of its attributes and relations.
    public var objects: [String: String]

    public init(objects: [String: String]) {
        self.objects = objects
    }

    /// The fingerprint of the kinds that were read (users always are).
    public init(of estate: Estate, kinds: Set<ObjectKind>) {
        var objects: [String: String] = [:]
        func ids(_ set: Set<Int>) -> String { set.sorted().map(String.init).joined(separator: ",") }
        objects["users"] = Self.hash(estate.users.values.sorted { $0.id < $1.id }.map {
            "\($0.id)|\($0.username)|\($0.email)|\($0.isDisabled)"
        }.joined(separator: "\n"))
        if kinds.contains(.companies) {
            for company in estate.companies.values {
                objects["company:\(company.id)"] = Self.hash(
                    "\(company.name)|\(company.externalID ?? "")|\(ids(company.members))|\(ids(company.groups))|\(ids(company.observers))")
            }
        }
        if kinds.contains(.companies) || kinds.contains(.groups) {
            for group in estate.groups.values {
                objects["group:\(group.id)"] = Self.hash("\(group.name)|\(ids(group.members))|\(ids(group.observers))")
            }
        }
        if kinds.contains(.locations) {
            for location in estate.locations.values {
                objects["location:\(location.id)"] = Self.hash(
                    "\(location.name)|\(location.parentID ?? 0)|\(ids(location.members))|\(ids(location.observers))")
            }
        }
        if kinds.contains(.helpdesks) {
            for helpdesk in estate.helpdesks.values { objects["helpdesk:\(helpdesk.id)"] = Self.hash("\(helpdesk.name)|\(ids(helpdesk.observers))") }
            for level in estate.levels.values {
                objects["level:\(level.id)"] = Self.hash("\(level.name)|\(level.helpdeskID)|\(level.order)|\(ids(level.observers))")
            }
        }
        if kinds.contains(.kbCategories) {
            for category in estate.kbCategories.values {
                objects["kb_category:\(category.id)"] = Self.hash("\(category.name)|\(category.parentID ?? 0)")
            }
        }
        if kinds.contains(.customFields) {
            for field in estate.customFields.values {
                let list = field.listOptions.map { "\($0.key)=\($0.value)" }.joined(separator: ";")
                let tree = field.treeOptions.map { "\($0.hash)|\($0.key)|\($0.name)|\($0.parentHash ?? "")" }.joined(separator: ";")
                objects["custom_field:\(field.uid)"] = Self.hash("\(field.label)|\(field.typeID)|\(list)|\(tree)")
            }
        }
        self.objects = objects
    }

    /// The objects that differ: changed, gone or new, sorted.
    public func differences(from other: LiveFingerprint) -> [String] {
        let keys = Set(objects.keys).union(other.objects.keys)
        return keys.filter { objects[$0] != other.objects[$0] }.sorted().map { key in
            switch (other.objects[key], objects[key]) {
            case (nil, _): "\(key) is new"
            case (_, nil): "\(key) is gone"
            default: "\(key) changed"
            }
        }
    }

    /// The digest of any text, as the fingerprint hashes its objects.
    public static func digest(_ text: String) -> String { hash(text) }

    /// FNV-1a, 64 bits, as 16 hex digits: enough to notice a change, not a security boundary.
    static func hash(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
