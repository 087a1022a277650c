import EstateModel
import Foundation
import InvGateWire
import Planner

/// What `apply` writes as the first line of its journal, before its first write: the target, the plan
/// it carries out, and the live estate it read, which holds every object the plan touches or cascades
/// into as it was. `undo` plans the way back to it.
public struct StateBeforeApply: Equatable, Sendable, Codable {
    /// The `event` of the journal line that holds it.
    public static let event = "before_apply"

    public var time: Date
    /// The instance, as a saved plan names it (never credentials).
    public var target: String
    public var plan: Plan
    public var state: Estate

    public init(time: Date = Date(), target: String, plan: Plan, state: Estate) {
        self.time = time
        self.target = target
        self.plan = plan
        self.state = state
    }

    enum CodingKeys: String, CodingKey {
        case time, target, plan, state
    }

    /// The journal line: `format_version`, `event`, `time`, then the target, plan and state.
    public var json: JSONValue {
        get throws(JournalError) {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let body: JSONValue
            do {
                body = try JSONValue.parse(try encoder.encode(Body(target: target, plan: plan, state: state)))
            } catch {
                throw JournalError(path: "", reason: "cannot record the state before the apply: \(error)")
            }
            return .object(
                [
                    ("format_version", .int(JournalEntry.formatVersion)), ("event", .string(Self.event)),
                    ("time", .string(JournalEntry.timestamp(time))),
                ] + (body.pairs ?? []))
        }
    }

    /// Reads it back from its journal line.
    static func decode(_ line: some Sequence<UInt8>, time: Date) throws -> StateBeforeApply {
        let body = try JSONDecoder().decode(Body.self, from: Data(line))
        return StateBeforeApply(time: time, target: body.target, plan: body.plan, state: body.state)
    }

    struct Body: Codable {
        var target: String
        var plan: Plan
        var state: Estate
    }
}
