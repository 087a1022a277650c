import EstateModel
import InvGateWire

/// `helpdesks`, `levels` and `helpdesksandlevels`: read-only.
extension InvGateSimulator {
    static func listHelpDesks(_ call: Call) async throws(Refusal) -> JSONValue {
        let id = call.parameters.int("id")
        let name = call.parameters.nonEmptyString("name")
        return try await call.read { estate in
            .array(
                estate.helpdesks.inIDOrder.filter { id.admits($0.id) && name.admits($0.name) }
                    .map {
                        HelpDeskRecord(
                            id: $0.id, name: $0.name, parentID: $0.parentID, statusID: $0.statusID,
                            totalMembers: $0.members.count, engineID: $0.engineID
                        ).json
                    })
        }
    }

    /// No name and no help desk, as the reference lists levels.
    static func listLevels(_ call: Call) async throws(Refusal) -> JSONValue {
        let id = call.parameters.int("id")
        return try await call.read { estate in
            .array(estate.levels.inIDOrder.filter { id.admits($0.id) }.map { levelRecord($0).levelJSON })
        }
    }

    /// Each help desk (with its name, `parent_id` 0) followed by its levels (`parent_id` = the help
    /// desk, a `level_order`, no name).
    static func listHelpDesksAndLevels(_ call: Call) async throws(Refusal) -> JSONValue {
        let id = call.parameters.int("id")
        return try await call.read { estate in
            var rows: [JSONValue] = []
            for helpdesk in estate.helpdesks.inIDOrder {
                if id.admits(helpdesk.id) {
                    let record = LevelRecord(
                        id: helpdesk.id, name: helpdesk.name, parentID: helpdesk.parentID,
                        membersIDs: helpdesk.members.sorted(), statusID: helpdesk.statusID,
                        totalMembers: helpdesk.members.count, engineID: helpdesk.engineID, levelOrder: nil)
                    rows.append(record.helpdeskOrLevelJSON)
                }
                let levels = estate.levels.values.filter { $0.helpdeskID == helpdesk.id && id.admits($0.id) }
                    .sorted { ($0.order, $0.id) < ($1.order, $1.id) }
                rows += levels.map { levelRecord($0, withParent: true).helpdeskOrLevelJSON }
            }
            return .array(rows)
        }
    }

    private static func levelRecord(_ level: Level, withParent: Bool = false) -> LevelRecord {
        LevelRecord(
            id: level.id, parentID: withParent ? level.helpdeskID : nil, membersIDs: level.members.sorted(),
            statusID: level.statusID, totalMembers: level.members.count, engineID: level.engineID,
            levelOrder: level.order)
    }
}
