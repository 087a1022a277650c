/// `GET helpdesks`: `{id, name, parent_id, status_id, total_members, engine_id}`.
package struct HelpDeskRecord: Equatable, Sendable {
    package var id: Int
    package var name: String
    package var parentID: Int
    package var statusID: Int
    package var totalMembers: Int
    package var engineID: Int

    package init(id: Int, name: String, parentID: Int, statusID: Int, totalMembers: Int, engineID: Int) {
        self.id = id
        self.name = name
        self.parentID = parentID
        self.statusID = statusID
        self.totalMembers = totalMembers
        self.engineID = engineID
    }

    package init(json: JSONValue) throws(RecordDecodingError) {
        let reader = try RecordReader("help desk", json)
        self.init(
            id: try reader.int("id"), name: try reader.string("name"), parentID: reader.optionalInt("parent_id") ?? 0,
            statusID: reader.optionalInt("status_id") ?? 1, totalMembers: reader.optionalInt("total_members") ?? 0,
            engineID: reader.optionalInt("engine_id") ?? 0
        )
    }

    package var json: JSONValue {
        .object([
            ("id", .int(id)), ("name", .string(name)), ("parent_id", .int(parentID)), ("status_id", .int(statusID)),
            ("total_members", .int(totalMembers)), ("engine_id", .int(engineID)),
        ])
    }
}

/// `GET levels` (no name, no parent) and `GET helpdesksandlevels` (help desks carry `name`,
/// levels carry `parent_id` = their help desk and `level_order`).
package struct LevelRecord: Equatable, Sendable {
    package var id: Int
    /// Only help desks carry a name in `helpdesksandlevels`.
    package var name: String?
    /// In `helpdesksandlevels`: a level's help desk; nil in `levels`.
    package var parentID: Int?
    package var membersIDs: [Int]
    package var statusID: Int
    package var totalMembers: Int
    package var engineID: Int
    /// nil for a help desk.
    package var levelOrder: Int?

    package init(
        id: Int, name: String? = nil, parentID: Int? = nil, membersIDs: [Int], statusID: Int, totalMembers: Int,
        engineID: Int, levelOrder: Int?
    ) {
        self.id = id
        self.name = name
        self.parentID = parentID
        self.membersIDs = membersIDs
        self.statusID = statusID
        self.totalMembers = totalMembers
        self.engineID = engineID
        self.levelOrder = levelOrder
    }

    package init(json: JSONValue) throws(RecordDecodingError) {
        let reader = try RecordReader("level", json)
        self.init(
            id: try reader.int("id"), name: reader.optionalString("name"), parentID: reader.optionalInt("parent_id"),
            membersIDs: try reader.ids("members_ids"), statusID: reader.optionalInt("status_id") ?? 1,
            totalMembers: reader.optionalInt("total_members") ?? 0, engineID: reader.optionalInt("engine_id") ?? 0,
            levelOrder: reader.optionalInt("level_order")
        )
    }

    /// The `levels` shape: no name, no parent.
    package var levelJSON: JSONValue {
        .object([
            ("id", .int(id)), ("members_ids", .ids(membersIDs)), ("status_id", .int(statusID)),
            ("total_members", .int(totalMembers)), ("engine_id", .int(engineID)),
            ("level_order", levelOrder.map(JSONValue.int) ?? .null),
        ])
    }

    /// The `helpdesksandlevels` shape: a name for help desks, a level order for levels, both with a parent.
    package var helpdeskOrLevelJSON: JSONValue {
        var pairs: [(key: String, value: JSONValue)] = [("id", .int(id))]
        if let name { pairs.append(("name", .string(name))) }
        pairs += [
            ("parent_id", .int(parentID ?? 0)), ("members_ids", .ids(membersIDs)), ("status_id", .int(statusID)),
            ("total_members", .int(totalMembers)), ("engine_id", .int(engineID)),
        ]
        if let levelOrder { pairs.append(("level_order", .int(levelOrder))) }
        return .object(pairs)
    }
}
