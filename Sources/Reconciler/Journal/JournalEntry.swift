import Foundation
import InvGateWire
import Planner

/// One line of the journal: one event of one step. Parameters are the call's own (they never
/// carry credentials: those travel in the `Authorization` header only).
package struct JournalEntry: Equatable, Sendable {
    /// The version of a journal line (`specs/journal.schema.json`), written in every line as `format_version`.
    package static let formatVersion = 1

    package var time: Date
    package var step: Int
    package var address: String
    package var method: String
    package var endpoint: String
    package var parameters: FormParameters
    package var outcome: JournalOutcome
    /// The real id (or hash) of the object the step created.
    package var learned: String?
    package var error: String?

    package init(
        time: Date = Date(), step: Step, call: WireCall, outcome: JournalOutcome, learned: String? = nil, error: String? = nil
    ) {
        self.time = time
        self.step = step.id
        self.address = step.object.description
        self.method = call.method.rawValue
        self.endpoint = call.endpoint.rawValue
        self.parameters = call.parameters
        self.outcome = outcome
        self.learned = learned
        self.error = error
    }

    /// The JSON object written as one line, keys in a fixed order.
    package var json: JSONValue {
        var pairs: [(key: String, value: JSONValue)] = [
            ("format_version", .int(Self.formatVersion)),
            ("time", .string(Self.timestamp(time))),
            ("step", .int(step)),
            ("address", .string(address)),
            ("method", .string(method)),
            ("endpoint", .string(endpoint)),
            ("parameters", .object(parameters.entries.map { ($0.name, $0.value.json) })),
            ("outcome", .string(outcome.rawValue)),
        ]
        if let learned { pairs.append(("learned", .string(learned))) }
        if let error { pairs.append(("error", .string(error))) }
        return .object(pairs)
    }

    static func timestamp(_ date: Date) -> String {
        Date.ISO8601FormatStyle(includingFractionalSeconds: true).format(date)
    }
}

extension ProvisionalObject {
    /// The id or hash alone, as the journal records it.
    var identifier: String {
        switch self {
        case .company(let id), .group(let id), .location(let id), .kbCategory(let id), .user(let id): String(id)
        case .treeOption(_, let hash): hash
        }
    }
}
