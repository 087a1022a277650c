import EstateModel
import Planner

extension StateBeforeApply {
    /// Objects the plan changes or destroys, as the recorded state names them; and the groups a step on a
    /// company's members changes as a side effect of the API, even when a later step puts them back as they
    /// were (a user who joins a group through its company and leaves it again): an apply cut between the
    /// two leaves the group changed, and undo must return it to its recorded state.
    package var touched: Set<Address> {
        var touched = Set((plan.outcome.changed + plan.outcome.destroyed).map(\.address))
        for step in plan.steps {
            switch step.operation {
            case .addMembers(.company(let id), _), .removeMembers(.company(let id), _):
                for group in state.companies[id]?.groups ?? [] {
                    if let name = state.groups[group]?.name { touched.insert(Address(.group, name)) }
                }
            default: break
            }
        }
        return touched
    }
    /// Objects the plan creates, as its replay names them.
    package var created: Set<Address> { Set(plan.outcome.created.map(\.address)) }
}

/// The way back from one apply, planned from its journal: every object the apply touched returned to
/// the state recorded before its first write, and every object it created deleted. Only the steps the
/// journal says were applied (or may have been: a step cut short) are taken as done.
package struct Undo: Sendable {
    package let before: StateBeforeApply
    /// Steps applied, or adopted after a lost answer.
    package let applied: Set<Int>
    /// Steps sent with no outcome recorded: they may or may not have taken effect.
    package let inDoubt: Set<Int>

    package init(before: StateBeforeApply, applied: Set<Int>, inDoubt: Set<Int> = []) {
        self.before = before
        self.applied = applied
        self.inDoubt = inDoubt
    }

    package init(_ journal: JournalFile) throws(UndoError) {
        guard let before = journal.before else { throw .nothingRecorded(path: journal.path) }
        self.before = before
        let steps = journal.steps
        self.applied = Set(steps.filter(\.outcome.tookEffect).map(\.step))
        self.inDoubt = Set(steps.filter(\.outcome.isInDoubt).map(\.step))
    }

    /// Every object undo looks at: those the apply touched and those it created.
    package var addresses: Set<Address> { before.touched.union(before.created) }

    /// What undo reads: the kinds of the objects it looks at, and those a step back can change as a side
    /// effect of the API (``planned``'s ``FetchScope/withSideEffects``).
    package var scope: FetchScope { planned.withSideEffects }

    /// The kinds of the objects undo looks at: what its plan counts.
    var planned: FetchScope {
        FetchScope(Set(addresses.map { ObjectKind($0.kind) }).subtracting([.customFields]), fields: before.state.fieldLabels(holding: addresses))
    }

    /// The estate the journal says the apply left: its applied steps replayed on the recorded state;
    /// with `doubtful`, the steps cut short too.
    func expected(doubtful: Bool) throws(UndoError) -> Estate {
        let done = doubtful ? applied.union(inDoubt) : applied
        do {
            return try Planner.replay(before.plan.steps.filter { done.contains($0.id) }, on: before.state)
        } catch {
            throw .unreadable(why: "its steps do not replay on the recorded state (\(error))")
        }
    }

    /// Objects someone else changed after the apply: the live object is neither as the apply left it,
    /// nor, for a step cut short, as it would be had that step not run, nor back as it was before the
    /// apply (an undo already ran).
    package func conflicts(live: Estate) throws(UndoError) -> [Conflict] {
        let addresses = self.addresses
        func state(_ estate: Estate) -> [Address: String] { estate.managedState().filter { addresses.contains($0.key) } }
        let now = state(live)
        var expected = [state(try expected(doubtful: false))]
        if !inDoubt.isEmpty { expected.append(state(try self.expected(doubtful: true))) }
        let undone = state(before.state)
        return addresses.sorted().compactMap { address in
            guard !expected.contains(where: { $0[address] == now[address] }), undone[address] != now[address] else { return nil }
            return Conflict(address: address, left: expected[0][address], found: now[address])
        }
    }

    /// The undo plan against `live`, limited to what `targeting` selects: proved by the planner's replay
    /// and counted from it like any plan. It keeps to the policy and the `protect` flags of the
    /// manifests the apply ran with. An object the apply did not touch but a step back changes as a side
    /// effect of the API (a user leaving a company leaves its groups) is kept as `live` holds it.
    package func plan(live: Estate, targeting: Targeting = .everything) throws(PlanFailure) -> Plan {
        let recorded = before.plan
        var kept: Set<Address> = []
        while true {
            let desired = DesiredState(
                restoring: before.touched, created: before.created, keeping: kept, from: before.state, now: live,
                policy: DesiredState.Policy(ignore: recorded.ignore, maxDeletes: recorded.maxDeletes), protected: Set(recorded.protected))
            let plan: Plan
            do {
                plan = try Planner.plan(desired: desired.targeted(targeting, live: live), live: live, fetched: planned.kinds)
            } catch {
                throw PlanFailure(
                    error.errors.map {
                        guard case .protected(let address, _) = $0 else { return $0 }
                        return .protected(
                            address,
                            why: "the way back deletes or replaces it (protect: true, in the manifests that apply ran with); "
                                + "undo the rest with --exclude '\(address)'")
                    })
            }
            // Each round keeps more objects, and there are finitely many. Only what no step names: a company
            // renamed back is named by its new name, which is not one undo looks at, and is not disturbed.
            let disturbed = Set(plan.outcome.changed.filter(\.cascade).map(\.address)).subtracting(addresses).subtracting(kept)
                .filter { [.company, .group, .location, .helpdesk, .level].contains($0.kind) && targeting.selects($0) }
            guard !disturbed.isEmpty else { return plan }
            kept.formUnion(disturbed)
        }
    }

    /// An object changed after the apply by someone else.
    package struct Conflict: Equatable, Sendable, CustomStringConvertible {
        package var address: Address
        /// As the apply left it (nil: absent).
        package var left: String?
        /// As it is now (nil: absent).
        package var found: String?

        package var description: String {
            "\(address): the apply left it \(left.map { "with \($0)" } ?? "absent"), and it is now \(found.map { "with \($0)" } ?? "gone")"
        }
    }
}

/// Why a journal cannot be undone.
package enum UndoError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The journal has no state recorded before the apply.
    case nothingRecorded(path: String)
    case unreadable(why: String)

    package var description: String {
        switch self {
        case .nothingRecorded(let path):
            "\(path) records no state from before its apply (an apply with nothing to do, or one by an older deskform), so there is nothing to go back to"
        case .unreadable(let why): "the journal cannot be undone: \(why)"
        }
    }
}
