extension Estate {
    static func nonEmpty(_ text: String) -> String? {
        text.trimmingWhitespace.isEmpty ? nil : text
    }

    static func requireName(_ name: String) throws(EstateError) -> String {
        guard let name = nonEmpty(name) else { throw .invalid("The name cannot be empty.") }
        return name
    }

    /// Reads a `parent_id`: nil or 0 is the root; anything else must exist.
    static func parent(_ id: Int?, in existing: some Collection<Int>, kind: String) throws(EstateError) -> Int? {
        guard let id, id != 0 else { return nil }
        guard existing.contains(id) else { throw .unknown(kind: kind, id: "\(id)") }
        return id
    }

    func requireUsers(_ ids: [Int]) throws(EstateError) {
        if let missing = ids.first(where: { users[$0] == nil }) { throw .unknown(kind: "user", id: "\(missing)") }
    }

    func requireGroups(_ ids: [Int]) throws(EstateError) {
        if let missing = ids.first(where: { groups[$0] == nil }) { throw .unknown(kind: "group", id: "\(missing)") }
    }

    func requireTarget(_ target: MembershipTarget) throws(EstateError) {
        guard members(of: target) == nil else { return }
        switch target {
        case .company(let id): throw .unknown(kind: "company", id: "\(id)")
        case .group(let id): throw .unknown(kind: "group", id: "\(id)")
        case .location(let id): throw .unknown(kind: "location", id: "\(id)")
        }
    }

    func requireEntity(_ entity: ObservedEntity) throws(EstateError) {
        guard observers(of: entity) == nil else { return }
        switch entity {
        case .company(let id): throw .unknown(kind: "company", id: "\(id)")
        case .group(let id): throw .unknown(kind: "group", id: "\(id)")
        case .location(let id): throw .unknown(kind: "location", id: "\(id)")
        case .helpdesk(let id): throw .unknown(kind: "help desk", id: "\(id)")
        case .level(let id): throw .unknown(kind: "level", id: "\(id)")
        }
    }

    /// The field `uid`, which must be of `kind`.
    func customField(_ uid: Int, of kind: CustomFieldType.Kind) throws(EstateError) -> CustomField {
        guard let field = customFields[uid] else { throw .unknown(kind: "custom field", id: "\(uid)") }
        guard fieldKind(field) == kind else {
            throw .invalid("The custom field \(uid) is not a \(kind.rawValue)-type field.")
        }
        return field
    }
}

extension String {
    var trimmingWhitespace: Substring {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return Substring(scalars[first...last])
    }
}
