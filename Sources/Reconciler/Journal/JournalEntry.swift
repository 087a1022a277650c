import EstateModel
import Foundation
import InvGateWire
import Planner

/// One line of the journal: one event of one step. Parameters are the call's own (they never
/// carry credentials: those travel in the `Authorization` header only).
package struct JournalEntry: Equatable, Sendable {
    /// The version of a journal line (`specs/journal.schema.json`), written in every line as `format_version`.
    /// 2: the state before the apply with every key written by hand in snake_case words, as a saved plan's.
    package static let formatVersion = 2
    /// The oldest version this deskform reads: release 0.1's (``FileCoding/release01Decoder()``).
    package static let oldestReadable = 1

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

/// A step event as its journal line holds it (`specs/journal.schema.json`, `$defs/step_event`).
extension JournalEntry: Encodable {
    package func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: FileKey.self)
        try fields.encode(Self.formatVersion, forKey: "format_version")
        try fields.encode(Self.timestamp(time), forKey: "time")
        try fields.encode(step, forKey: "step")
        try fields.encode(address, forKey: "address")
        try fields.encode(method, forKey: "method")
        try fields.encode(endpoint, forKey: "endpoint")
        var values = fields.nestedContainer(keyedBy: FileKey.self, forKey: "parameters")
        for (name, value) in parameters.entries {
            let key = FileKey(stringValue: name)
            switch value {
            case .string(let text): try values.encode(text, forKey: key)
            case .integer(let number): try values.encode(number, forKey: key)
            case .boolean(let flag): try values.encode(flag, forKey: key)
            case .array(let items): try values.encode(items, forKey: key)
            case .dictionary(let entries):
                var pairs = values.nestedContainer(keyedBy: FileKey.self, forKey: key)
                for entry in entries { try pairs.encode(entry.value, forKey: FileKey(stringValue: entry.key)) }
            }
        }
        try fields.encode(outcome.rawValue, forKey: "outcome")
        try fields.encodeIfPresent(learned, forKey: "learned")
        try fields.encodeIfPresent(error, forKey: "error")
    }
}
