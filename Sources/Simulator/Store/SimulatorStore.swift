import EstateModel

/// The simulator's state: one estate, changed only through `Estate.apply`, one write at a time,
/// and persisted after each write when a state file is set. Also owns the dice that pick which
/// writes fail, so that a seeded run is reproducible.
package actor SimulatorStore {
    package private(set) var estate: Estate
    /// Where every write is persisted; nil keeps the estate in memory only.
    package nonisolated let stateFile: StateFile?
    /// The OAuth2 tokens handed out (not persisted: a restarted instance forgets them).
    package nonisolated let tokens = IssuedTokens()
    /// What it did besides its writes, in order: mails sent, users deleted.
    package private(set) var events: [SimulatorEvent] = []
    private var dice: SeededGenerator
    /// `users.groups`' index of the estate as it is now; nil until asked for after a change.
    private var memberships: MembershipIndex?

    package init(estate: Estate, stateFile: StateFile? = nil, faultSeed: UInt64? = nil) {
        self.estate = estate
        self.stateFile = stateFile
        self.dice = SeededGenerator(seed: faultSeed ?? UInt64.random(in: .min ... .max))
    }

    /// The estate as it is now and its index of who belongs to what (built once per change): a copy
    /// that `users.groups` answers from outside the actor, like every read, so that reads run side by side.
    func membershipSnapshot() -> (Estate, MembershipIndex) {
        let index = memberships ?? MembershipIndex(estate)
        memberships = index
        return (estate, index)
    }

    /// Applies `operation`, persists the result, and answers from the result and the new estate.
    /// A refused operation or a failed save leaves the estate as it was.
    func write<Answer: Sendable>(
        _ operation: EstateOperation, _ answer: @Sendable (OperationResult, Estate) throws(Refusal) -> Answer
    ) throws(Refusal) -> Answer {
        let result = try change { estate throws(EstateError) in try estate.apply(operation) }
        return try answer(result, estate)
    }

    /// Records what the instance did besides a write.
    func record(_ event: SimulatorEvent) {
        events.append(event)
    }

    /// `DELETE user`, which no ``EstateOperation`` sends: the account stays listed as deleted, and the
    /// event is recorded so that a test can tell it was ever sent.
    func deleteUser(_ id: Int) throws(Refusal) {
        try change { estate throws(EstateError) in try estate.deleteUser(id) }
        events.append(.userDeleted(id))
    }

    /// Changes a copy of the estate, persists it, then keeps it: a refused change or a failed save leaves
    /// the estate as it was.
    @discardableResult
    private func change<Result>(_ body: (inout Estate) throws(EstateError) -> Result) throws(Refusal) -> Result {
        var next = estate
        let result: Result
        do {
            result = try body(&next)
        } catch {
            throw .estate(error)
        }
        if let stateFile {
            do {
                try stateFile.save(next)
            } catch {
                throw .notSaved(error.description)
            }
        }
        estate = next
        memberships = nil
        return result
    }

    /// Replaces the whole estate (tests and fixtures), persisting it like a write.
    package func replace(with estate: Estate) throws(StateFileError) {
        try stateFile?.save(estate)
        self.estate = estate
        memberships = nil
    }

    /// Whether this write fails, and how: one of `faults` with probability `rate`.
    func drawFault(rate: Double, from faults: [Fault]) -> Fault? {
        guard rate > 0, !faults.isEmpty else { return nil }
        guard Double.random(in: 0..<1, using: &dice) < rate else { return nil }
        return faults.randomElement(using: &dice)
    }
}
