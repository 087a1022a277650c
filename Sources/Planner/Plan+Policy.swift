import EstateModel

extension Plan {
    /// Whether `apply` refuses the plan without `--allow-deletes`: it destroys more objects than
    /// `policy.max_deletes`.
    public var exceedsMaxDeletes: Bool { deletions > maxDeletes }

    /// The plan without every step that destroys an object, every step of a delete or replace change,
    /// and every step that waits on one: what `apply --hold-deletes` carries out. `held` is the changes
    /// it leaves out.
    public func holdingDeletions() -> (plan: Plan, held: [Change]) {
        let destructive = Set(changes.filter { $0.action == .delete || $0.action == .replace }.map(\.address))
        let erasing = Set(outcome.destroyed.map(\.step))
        var removed: Set<Int> = []
        for step in steps
        where erasing.contains(step.id) || destructive.contains(step.address) || step.dependsOn.contains(where: removed.contains) {
            removed.insert(step.id)
        }
        var kept = self
        kept.steps = steps.filter { !removed.contains($0.id) }
        let keptAddresses = Set(kept.steps.map(\.address))
        kept.changes = changes.filter { keptAddresses.contains($0.address) }
        kept.outcome = outcome.restricted(to: Set(kept.steps.map(\.id)))
        let heldAddresses = Set(steps.lazy.filter { removed.contains($0.id) }.map(\.address))
        let held = changes.filter { heldAddresses.contains($0.address) }
        return (kept, held)
    }

    /// The policy's verdict on the plan, as `plan` states it; nil when it destroys nothing.
    public var policyVerdict: String? {
        guard deletions > 0 else { return nil }
        let objects = deletions.counted("object")
        let held = Self.shortList(holdingDeletions().held.map(\.address.description))
        if exceedsMaxDeletes {
            return "Policy: apply would refuse this plan: it destroys \(objects), more than policy.max_deletes (\(maxDeletes)). "
                + "apply --allow-deletes allows it; apply --hold-deletes applies the rest and holds back \(held)."
        }
        return "Policy: it destroys \(objects), within policy.max_deletes (\(maxDeletes)); apply --hold-deletes would hold back \(held)."
    }

    /// The first `shown` of `items`, then `… and N more`: a line that stays one line however many there are.
    static func shortList(_ items: [String], shown: Int = 5) -> String {
        guard items.count > shown + 1 else { return items.joined(separator: ", ") }
        return items.prefix(shown).joined(separator: ", ") + " … and \(items.count - shown) more"
    }
}
