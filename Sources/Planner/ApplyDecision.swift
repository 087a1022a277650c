/// What `apply` does with a plan: decided by the plan's policy (`policy.max_deletes`, over the objects
/// its replay destroys) and the flags `--allow-deletes` and `--hold-deletes`. Pure, so that `apply`
/// only prints it and asks for approval when it says so.
package enum ApplyDecision: Equatable, Sendable {
    /// The plan has no step: nothing to approve or apply.
    case nothingToApply
    /// The plan destroys more objects than `policy.max_deletes` and `--allow-deletes` was not given:
    /// refused, nothing is changed.
    case refused
    /// `--hold-deletes` holds back every change of the plan: nothing to approve or apply.
    case everythingHeld([Change])
    /// Carry out `plan` once approved; `held` is what `--hold-deletes` leaves out (empty without it).
    case apply(Plan, held: [Change])

    /// Whether `apply` must be approved before it acts: only when there is something to carry out.
    package var needsApproval: Bool {
        if case .apply = self { true } else { false }
    }
}

extension Plan {
    /// What `apply` does with this plan. `--hold-deletes` wins over the limit: it destroys nothing, so
    /// it is never refused.
    package func decision(allowDeletes: Bool, holdDeletes: Bool) -> ApplyDecision {
        if isEmpty { return .nothingToApply }
        if holdDeletes {
            let (kept, held) = holdingDeletions()
            return kept.isEmpty ? .everythingHeld(held) : .apply(kept, held: held)
        }
        if exceedsMaxDeletes && !allowDeletes { return .refused }
        return .apply(self, held: [])
    }
}
