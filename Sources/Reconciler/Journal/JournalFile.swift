import EstateModel
import Foundation
import InvGateWire

/// A journal read back, for `deskform show`: its events in the order they were written, and each step
/// at its last event (what it came to).
package struct JournalFile: Equatable, Sendable {
    package var path: String
    /// The format version of its lines (``JournalEntry/formatVersion`` when it is today's).
    package var formatVersion: Int
    package var events: [Event]
    /// The state the apply read before its first write (journals of an apply with nothing recorded have none).
    package var before: StateBeforeApply?

    /// One line of the journal.
    package struct Event: Equatable, Sendable {
        package var time: String
        package var step: Int
        package var address: String
        package var method: String
        package var endpoint: String
        package var outcome: JournalOutcome
        package var learned: String?
        package var error: String?
    }

    /// Reads `path`; a line that is not a journal event of a version this deskform knows is an error
    /// naming its line number.
    package static func read(from path: String) throws(JournalError) -> JournalFile {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw JournalError(path: path, reason: "there is no such file; apply writes its journals in .deskform/journal/")
        }
        guard !isFolder.boolValue else { throw JournalError(path: path, reason: "it is a folder; name one journal file in it") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw JournalError(path: path, reason: "it cannot be read; check its permissions")
        }
        /// A line that cannot be read fails with `reason`, unless the file is a saved plan.
        func unreadable(_ reason: String) -> JournalError {
            if (try? FileCoding.decoder().decode(PlanFile.Head.self, from: data))?.holdsPlan == true {
                return JournalError(path: path, reason: "it is a saved plan, not a journal; apply it with deskform apply \(path)")
            }
            return JournalError(path: path, reason: reason)
        }
        var events: [Event] = []
        var before: StateBeforeApply?
        var versions: Set<Int> = []
        for (index, bytes) in data.split(separator: UInt8(ascii: "\n")).enumerated() {
            // A line of today's format is decoded once, the state before the apply (megabytes at scale)
            // included; one of release 0.1 is decoded again, its state by the reader of that release.
            guard let line = try? FileCoding.decoder().decode(Line.self, from: Data(bytes)), let version = line.formatVersion else {
                throw unreadable("line \(index + 1) is not a journal event (no format_version)")
            }
            guard version >= JournalEntry.oldestReadable else {
                throw unreadable("line \(index + 1) has format version \(version), which no release of deskform reads")
            }
            guard version <= JournalEntry.formatVersion else {
                throw unreadable(
                    "line \(index + 1) has format version \(version), written by a later deskform (this one reads \(JournalEntry.oldestReadable) to \(JournalEntry.formatVersion)): use that deskform")
            }
            versions.insert(version)
            if line.event == StateBeforeApply.event {
                do {
                    before = try line.before?.get() ?? FileCoding.release01Decoder().decode(StateBeforeApply.self, from: Data(bytes))
                } catch {
                    throw unreadable("line \(index + 1) does not hold a readable state before the apply (\(FileCoding.describe(error)))")
                }
                continue
            }
            guard let time = line.time, let step = line.step, let address = line.address, let method = line.method,
                let endpoint = line.endpoint, let word = line.outcome
            else { throw unreadable("line \(index + 1) lacks a field every event has") }
            guard let outcome = JournalOutcome(rawValue: word) else {
                throw unreadable("line \(index + 1) has the outcome \"\(word)\", which this deskform does not know")
            }
            events.append(
                Event(
                    time: time, step: step, address: address, method: method, endpoint: endpoint, outcome: outcome,
                    learned: line.learned, error: line.error))
        }
        guard !events.isEmpty || before != nil else {
            throw JournalError(path: path, reason: "it is empty: its apply stopped before it wrote anything to the journal or the instance")
        }
        guard versions.count == 1, let version = versions.first else {
            throw unreadable("its lines have format versions \(versions.sorted().map(String.init).joined(separator: " and ")), not one")
        }
        return JournalFile(path: path, formatVersion: version, events: events, before: before)
    }

    /// One line as written: the fields of an event, or of the state before the apply. A field that
    /// is missing or of another type reads as nil.
    private struct Line: Decodable {
        var formatVersion: Int?
        var event: String?
        var time: String?
        var step: Int?
        var address: String?
        var method: String?
        var endpoint: String?
        var outcome: String?
        var learned: String?
        var error: String?
        /// The state before the apply, when `event` says the line holds one in today's format.
        var before: Result<StateBeforeApply, any Error>?

        init(from decoder: any Decoder) throws {
            let fields = try decoder.container(keyedBy: FileKey.self)
            formatVersion = try? fields.optional("format_version")
            event = try? fields.optional("event")
            time = try? fields.optional("time")
            step = try? fields.optional("step")
            address = try? fields.optional("address")
            method = try? fields.optional("method")
            endpoint = try? fields.optional("endpoint")
            outcome = try? fields.optional("outcome")
            learned = try? fields.optional("learned")
            error = try? fields.optional("error")
            if event == StateBeforeApply.event, formatVersion == JournalEntry.formatVersion {
                before = Result { try StateBeforeApply(from: decoder) }
            }
        }
    }

    /// Each step once, at its last event, in step order.
    package var steps: [Event] {
        var last: [Int: Event] = [:]
        for event in events { last[event.step] = event }
        return last.keys.sorted().map { last[$0]! }
    }

    /// What a step came to, in words: `applied (id 12)`, `cut short: started, no outcome recorded`.
    static func outcome(of event: Event) -> String {
        switch event.outcome {
        case .started: return "cut short: started, no outcome recorded (the apply was stopped)"
        case .outcomeUnknown: return "outcome unknown: \(event.error ?? "no answer")"
        case .failed: return "failed: \(event.error ?? "no reason recorded")"
        case .adopted, .applied, .skipped, .notStarted:
            var text = event.outcome.words
            if let learned = event.learned { text += " (answered \(learned))" }
            if let error = event.error { text += ": \(error)" }
            return text
        }
    }

    /// `2 applied, 1 failed`: steps counted by what they came to.
    package var tally: String {
        var counts: [String: Int] = [:]
        var order: [String] = []
        for step in steps {
            let name = step.outcome.words
            if counts[name] == nil { order.append(name) }
            counts[name, default: 0] += 1
        }
        return order.map { "\(counts[$0]!) \($0)" }.joined(separator: ", ")
    }

    /// `from T1 to T2`, or that no step started.
    var span: String {
        guard let first = events.first, let last = events.last else { return "no step started" }
        return "from \(first.time) to \(last.time)"
    }

    /// The line about the state recorded before the first write, when there is one.
    var recorded: String? {
        before.map { before in
            let count = before.touched.count + before.created.count
            return
                "State before the apply recorded for the \(count) object\(count == 1 ? "" : "s") its plan touches: deskform undo \(path) plans the way back."
        }
    }

    /// What ran, when, what the API answered and what failed, one step a line.
    package func text() -> String {
        var lines = ["Journal \(path) (format \(formatVersion)): \(span)"]
        if let recorded { lines.append(recorded) }
        lines.append("")
        let width = String((steps.map(\.step).max() ?? 0) + 1).count
        for step in steps {
            let number = String(repeating: " ", count: width - String(step.step + 1).count) + String(step.step + 1)
            lines.append("  \(number). \(step.time) \(step.method) \(step.endpoint) \(step.address): \(Self.outcome(of: step))")
        }
        lines += ["", "Steps: \(tally.isEmpty ? "none" : tally)."]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The steps as JSON: each at its last event.
    package func json() -> JSONValue {
        .object([
            ("format_version", .int(formatVersion)), ("path", .string(path)),
            ("first_event", .optional(events.first?.time)), ("last_event", .optional(events.last?.time)),
            ("recorded_objects", .int(before.map { $0.touched.count + $0.created.count } ?? 0)),
            (
                "steps",
                .array(
                    steps.map { step in
                        var pairs: [(key: String, value: JSONValue)] = [
                            ("number", .int(step.step + 1)), ("time", .string(step.time)), ("address", .string(step.address)),
                            ("method", .string(step.method)), ("endpoint", .string(step.endpoint)), ("outcome", .string(step.outcome.rawValue)),
                        ]
                        if let learned = step.learned { pairs.append(("learned", .string(learned))) }
                        if let error = step.error { pairs.append(("error", .string(error))) }
                        return .object(pairs)
                    })
            ),
        ])
    }

    /// A table for a pull request or an incident note.
    package func markdown() -> String {
        var text = "### deskform journal `\(path)`\n\n**Steps: \(tally).** \(span.prefix(1).uppercased() + span.dropFirst()).\n\n"
        text += "| # | time | call | object | outcome |\n|---|---|---|---|---|\n"
        for step in steps {
            let outcome = Self.outcome(of: step).replacingOccurrences(of: "|", with: "\\|")
            text += "| \(step.step + 1) | \(step.time) | `\(step.method) \(step.endpoint)` | `\(step.address)` | \(outcome) |\n"
        }
        return text
    }
}
