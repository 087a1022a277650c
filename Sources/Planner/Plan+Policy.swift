import EstateModel

extension Plan {
    /// Whether `apply` refuses the plan without `--allow-deletes`: it destroys more objects than
    /// `policy.max_deletes`.
    package var exceedsMaxDeletes: Bool { deletions > maxDeletes }

    /// The plan without every step that destroys an object, every step of a delete or replace change,
    /// and every step that truly needs one: one that names an object a held step creates (the new group
    /// of a replace), or one on the same custom field's options (an option re-added under its key). A
    /// step that only came after a held one (a company renamed after a group it relates was replaced)
    /// runs, after what the held step waited on. What `apply --hold-deletes` carries out; `held` is the
    /// changes it leaves out.
    package func holdingDeletions() -> (plan: Plan, held: [Change]) {
        let destructive = Set(changes.filter { $0.action == .delete || $0.action == .replace }.map(\.address))
        let erasing = Set(outcome.destroyed.map(\.step))
        var removed: [Int: Step] = [:]
        var heldCreations: Set<ProvisionalObject> = []
        /// Per step, what it waits on among the kept steps (a held step's own waits stand in for it).
        var waits: [Int: [Int]] = [:]
        var keptSteps: [Step] = []
        for step in steps {
            let waitsOnHeld = step.dependsOn.compactMap { removed[$0] }
            let needsHeld =
                !step.operation.provisionalReferences(among: heldCreations).isEmpty
                || (step.operation.kind == .customFields && waitsOnHeld.contains { $0.operation.kind == .customFields })
            waits[step.id] = Array(Set(step.dependsOn.flatMap { removed[$0] == nil ? [$0] : waits[$0] ?? [] })).sorted()
            if erasing.contains(step.id) || destructive.contains(step.address) || needsHeld {
                removed[step.id] = step
                if let created = step.creates { heldCreations.insert(created) }
            } else {
                var step = step
                step.dependsOn = waits[step.id]!
                keptSteps.append(step)
            }
        }
        let keptAddresses = Set(keptSteps.map(\.address))
        let kept = Plan(
            changes: changes.filter { keptAddresses.contains($0.address) }, steps: keptSteps, unmanaged: unmanaged,
            warnings: warnings, outcome: outcome.restricted(to: Set(keptSteps.map(\.id))), maxDeletes: maxDeletes,
            protected: protected, ignore: ignore, targeting: targeting, pulledIn: pulledIn)
        let heldAddresses = Set(steps.lazy.filter { removed[$0.id] != nil }.map(\.address))
        let held = changes.filter { heldAddresses.contains($0.address) }
        return (kept, held)
    }

    /// The policy's verdict on the plan, as `plan` states it; nil when it destroys nothing.
    package var policyVerdict: String? {
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
