import EstateModel
import Foundation
import Planner

/// What `apply` writes as the first line of its journal, before its first write: the target, the plan
/// it carries out, and the live estate it read, which holds every object the plan touches or cascades
/// into as it was. `undo` plans the way back to it.
package struct StateBeforeApply: Equatable, Sendable {
    /// The `event` of the journal line that holds it.
    package static let event = "before_apply"

    package var time: Date
    /// The instance, as a saved plan names it (never credentials).
    package var target: String
    package var plan: Plan
    package var state: Estate

    package init(time: Date = Date(), target: String, plan: Plan, state: Estate) {
        self.time = time
        self.target = target
        self.plan = plan
        self.state = state
    }
}

/// The journal line: `format_version`, `event`, `time`, `target`, `plan` and `state`
/// (`specs/journal.schema.json`, `$defs/before_apply`).
extension StateBeforeApply: Codable {
    package init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: FileKey.self)
        let time: String = try fields("time")
        guard let date = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(time) else {
            throw DecodingError.dataCorruptedError(forKey: "time", in: fields, debugDescription: "\(time) is not an ISO 8601 time")
        }
        self.time = date
        target = try fields("target")
        plan = try fields("plan")
        state = try fields("state")
    }

    package func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: FileKey.self)
        try fields.encode(JournalEntry.formatVersion, forKey: "format_version")
        try fields.encode(Self.event, forKey: "event")
        try fields.encode(JournalEntry.timestamp(time), forKey: "time")
        try fields.encode(target, forKey: "target")
        try fields.encode(plan, forKey: "plan")
        try fields.encode(state, forKey: "state")
    }
}
