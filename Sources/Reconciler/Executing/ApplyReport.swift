import InvGateWire
import Planner

/// What an execution of a plan did, step by step, and the real ids of the objects it created.
package struct ApplyReport: Equatable, Sendable {
    /// One result per step of the plan, in plan order.
    package var results: [StepResult]
    /// Provisional object (as the plan names it) → the object the API created or already had.
    /// Tree option hashes are learned when a later step of the plan needs them.
    package var learned: [ProvisionalObject: ProvisionalObject]
    /// Whether the execution was cancelled before every step had been started.
    package var wasCancelled: Bool

    package init(results: [StepResult], learned: [ProvisionalObject: ProvisionalObject] = [:], wasCancelled: Bool = false) {
        self.results = results
        self.learned = learned
        self.wasCancelled = wasCancelled
    }

    package var applied: [StepResult] { results.filter(\.outcome.isApplied) }
    package var failed: [StepResult] { results.filter { if case .failed = $0.outcome { true } else { false } } }
    package var skipped: [StepResult] { results.filter { if case .skipped = $0.outcome { true } else { false } } }
    package var notStarted: [StepResult] { results.filter { $0.outcome == .notStarted } }

    /// Every step applied.
    package var isComplete: Bool { results.allSatisfy(\.outcome.isApplied) }
}

/// What became of one step.
package struct StepResult: Equatable, Sendable {
    package var step: Step
    package var outcome: StepOutcome
    /// The call as it was sent, provisional ids replaced; nil for a step never sent.
    package var sent: WireCall?
    /// The object the step created (or found already created after a lost answer), by its real id.
    package var created: ProvisionalObject?
    /// What else is worth saying: "already so", "already absent", "found after a lost answer".
    package var notes: [String]

    package init(step: Step, outcome: StepOutcome, sent: WireCall? = nil, created: ProvisionalObject? = nil, notes: [String] = []) {
        self.step = step
        self.outcome = outcome
        self.sent = sent
        self.created = created
        self.notes = notes
    }
}

package enum StepOutcome: Equatable, Sendable {
    case applied
    case failed(ApplyError)
    /// Not sent because a step it depends on failed or was skipped.
    case skipped(dependency: Int)
    /// Not sent because the execution was cancelled first.
    case notStarted

    package var isApplied: Bool { self == .applied }

    /// What the journal records of it.
    package var journal: JournalOutcome {
        switch self {
        case .applied: .applied
        case .failed: .failed
        case .skipped: .skipped
        case .notStarted: .notStarted
        }
    }
}

/// One finished step, for a progress display.
package struct StepProgress: Sendable {
    package var result: StepResult
    /// Steps finished so far (applied, failed or skipped), this one included.
    package var finished: Int
    package var total: Int
}
