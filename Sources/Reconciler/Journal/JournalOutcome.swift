/// What a journal line says of its step, written as its `outcome` (the raw values are the journal's words,
/// `specs/journal.schema.json`, and never change: journals outlive a release).
package enum JournalOutcome: String, CaseIterable, Equatable, Sendable {
    /// Sent; a line after it says how it ended. Last of its step: the apply was stopped while it was in flight.
    case started
    /// Sent, and no answer says whether it took effect (a create that was then looked up and not found).
    case outcomeUnknown = "outcome_unknown"
    /// A create whose answer was lost, found on the instance afterwards and taken as done.
    case adopted
    case applied
    case failed
    /// Not sent because a step it depends on failed or was skipped.
    case skipped
    /// Not sent because the apply was cancelled first.
    case notStarted = "not_started"

    /// Whether the step took effect on the instance.
    package var tookEffect: Bool { self == .applied || self == .adopted }

    /// Whether the step may or may not have taken effect.
    package var isInDoubt: Bool { self == .started || self == .outcomeUnknown }

    /// In a sentence: `cut short`, `outcome unknown`, `not started`.
    package var words: String {
        switch self {
        case .started: "cut short"
        case .outcomeUnknown: "outcome unknown"
        case .notStarted: "not started"
        case .adopted, .applied, .failed, .skipped: rawValue
        }
    }
}
