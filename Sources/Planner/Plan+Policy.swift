extension Plan {
    /// The plan without its deletions and replaces (and without any step that waits on one), and
    /// the changes held back: what `apply --hold-deletes` carries out and reports.
    public func holdingDeletions() -> (plan: Plan, held: [Change]) {
        let held = changes.filter { $0.action == .delete || $0.action == .replace }
        let heldAddresses = Set(held.map(\.address))
        var removed: Set<Int> = []
        for step in steps where heldAddresses.contains(step.address) || step.dependsOn.contains(where: removed.contains) {
            removed.insert(step.id)
        }
        var kept = self
        kept.changes = changes.filter { !heldAddresses.contains($0.address) }
        kept.steps = steps.filter { !removed.contains($0.id) }
        return (kept, held)
    }
}
