import EstateModel
import Foundation
import InvGateWire
import Planner

/// What `apply` writes as the first line of its journal, before its first write: the target, the plan
/// it carries out, and the live estate it read, which holds every object the plan touches or cascades
/// into as it was. `undo` plans the way back to it.
package struct StateBeforeApply: Equatable, Sendable, Codable {
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

    enum CodingKeys: String, CodingKey {
        case time, target, plan, state
    }

    /// The journal line, without its newline: `format_version`, `event` and `time`, then the plan,
    /// state and target (their keys sorted). The state is encoded once, straight into the line.
    package var line: [UInt8] {
        get throws(JournalError) {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let body: Data
            do {
                body = try encoder.encode(Body(target: target, plan: plan, state: state))
            } catch {
                throw JournalError(path: "", reason: "cannot record the state before the apply: \(error)")
            }
            // `{"format_version":…,"event":…,"time":…}` and `{"plan":…}`, joined into one object.
            var line = JSONValue.object([
                ("format_version", .int(JournalEntry.formatVersion)), ("event", .string(Self.event)),
                ("time", .string(JournalEntry.timestamp(time))),
            ]).serialized()
            line.removeLast()
            line.append(UInt8(ascii: ","))
            line.append(contentsOf: body.dropFirst())
            return line
        }
    }

    /// What its journal line holds besides `format_version`, `event` and `time`.
    struct Body: Codable {
        var target: String
        var plan: Plan
        var state: Estate
    }
}
