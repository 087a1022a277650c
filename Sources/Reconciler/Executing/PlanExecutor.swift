import EstateModel
import InvGateAPI
import InvGateWire
import Logging
import Planner

/// Carries out a ``Plan`` against the API: steps in dependency order, independent ones
/// concurrently, provisional ids replaced by the ids the API hands out, every answer checked.
///
/// - A step whose dependency failed (or was skipped) is skipped; the others still run.
/// - A create whose answer is lost is looked up by its identity before it is tried again, so
///   nothing is created twice (see `PlanExecutor+Creates.swift`).
/// - When the calling task is cancelled no new step starts; running ones finish (a call cut short
///   would leave its outcome unknown) and the rest are reported as not started.
/// - Every step event is appended to the ``Journal``, when one is given.
package struct PlanExecutor: Sendable {
    package let client: InvGateClient
    /// Steps running at once, at most.
    package let parallelism: Int
    /// Tries of one create in all, each after a lookup that found nothing.
    package let createAttempts: Int
    package let journal: Journal?
    let logger: Logger

    package init(client: InvGateClient, parallelism: Int = 8, createAttempts: Int = 6, journal: Journal? = nil, logger: Logger) {
        self.client = client
        self.parallelism = max(1, parallelism)
        self.createAttempts = max(1, createAttempts)
        self.journal = journal
        self.logger = logger
    }

    /// Runs every step of `plan` it can and says what became of each. Never throws: failures are
    /// in the report. `progress` is called once per finished step (applied, failed or skipped).
    package func execute(_ plan: Plan, progress: @escaping @Sendable (StepProgress) -> Void = { _ in }) async -> ApplyReport {
        var schedule = StepSchedule(plan)
        var learned: [ProvisionalObject: ProvisionalObject] = [:]
        let total = plan.steps.count

        func finish(_ result: StepResult, _ schedule: inout StepSchedule) async {
            let skips = schedule.finish(result)
            progress(StepProgress(result: result, finished: schedule.finishedCount - skips.count, total: total))
            for (index, skipped) in skips.enumerated() {
                await write(JournalEntry(step: skipped.step, call: skipped.step.operation.wireCall, outcome: skipped.outcome.journal))
                progress(StepProgress(result: skipped, finished: schedule.finishedCount - skips.count + index + 1, total: total))
            }
        }

        await withTaskGroup(of: StepResult.self) { group in
            var running = 0
            while true {
                while running < parallelism, !Task.isCancelled, let step = schedule.nextReady() {
                    let operation: EstateOperation
                    do throws(ApplyError) {
                        operation = try step.operation.resolvingProvisional(learned, provisional: schedule.provisional)
                    } catch {
                        let result = StepResult(step: step, outcome: .failed(error))
                        await write(JournalEntry(step: step, call: step.operation.wireCall, outcome: .failed, error: error.description))
                        await finish(result, &schedule)
                        continue
                    }
                    let needsHash = schedule.isReferencedLater(step.creates)
                    running += 1
                    // Unstructured, so that cancelling the apply does not cut a call short.
                    let work = Task { await self.run(step, operation, learnHash: needsHash) }
                    group.addTask { await work.value }
                }
                guard running > 0, let result = await group.next() else { break }
                running -= 1
                if let provisional = result.step.creates, let real = result.created, result.outcome.isApplied {
                    learned[provisional] = real
                }
                await finish(result, &schedule)
            }
        }

        // Unfinished steps are the ones cancellation kept from starting (or, in a plan whose
        // dependencies form a cycle, ones that could never start).
        let cancelled = Task.isCancelled && schedule.finishedCount < total
        for step in schedule.unfinished() {
            await write(JournalEntry(step: step, call: step.operation.wireCall, outcome: .notStarted))
            schedule.record(StepResult(step: step, outcome: .notStarted))
        }
        logger.info(
            "plan executed",
            metadata: [
                "steps": "\(total)", "applied": "\(schedule.results.values.filter(\.outcome.isApplied).count)", "cancelled": "\(cancelled)",
            ])
        return ApplyReport(results: plan.steps.map { schedule.results[$0.id]! }, learned: learned, wasCancelled: cancelled)
    }

    /// Sends one step and turns whatever happens into its result.
    func run(_ step: Step, _ operation: EstateOperation, learnHash: Bool) async -> StepResult {
        let call = operation.wireCall
        await write(JournalEntry(step: step, call: call, outcome: .started))
        var result = StepResult(step: step, outcome: .applied, sent: call)
        do {
            try await perform(operation, of: step, into: &result, learnHash: learnHash)
        } catch {
            result.outcome = .failed(error)
        }
        let error: String? = if case .failed(let error) = result.outcome { error.description } else { nil }
        await write(JournalEntry(step: step, call: call, outcome: result.outcome.journal, learned: result.created?.identifier, error: error))
        logger.debug(
            "step finished",
            metadata: [
                "step": "\(step.id)", "address": "\(step.object)", "outcome": "\(result.outcome.journal.rawValue)",
            ])
        return result
    }

    func perform(_ operation: EstateOperation, of step: Step, into result: inout StepResult, learnHash: Bool) async throws(ApplyError) {
        switch operation {
        case .createCompany, .createGroup, .createLocation, .createKBCategory, .createUser:
            try await create(operation, of: step, into: &result)
        case .addTreeOption:
            try await addTreeOption(operation, of: step, into: &result, learnHash: learnHash)
        case .relateGroups, .unrelateGroups, .addMembers, .removeMembers, .addObservers, .removeObservers:
            try await changeRelation(operation, into: &result)
        case .deleteCompany, .deleteGroup, .deleteLocation, .deleteKBCategory, .deleteTreeOption:
            try await delete(operation, into: &result)
        case .updateCompany, .updateKBCategory, .updateTreeOption, .upsertListOptions, .deleteListOptions, .updateUser, .disableUser,
            .enableUser:
            let call = operation.wireCall
            do {
                _ = try await client.send(call)
            } catch {
                throw .api(error)
            }
        }
    }

    func write(_ entry: JournalEntry) async {
        guard let journal else { return }
        do {
            try await journal.record(entry)
        } catch {
            logger.warning("the journal cannot be written", metadata: ["error": "\(error)"])
        }
    }
}

extension EstateOperation {
    /// This operation with every provisional object replaced by the real one `learned` maps it to.
    /// Fails when it mentions a provisional object that has no real counterpart yet.
    func resolvingProvisional(
        _ learned: [ProvisionalObject: ProvisionalObject], provisional: Set<ProvisionalObject>
    ) throws(ApplyError) -> EstateOperation {
        var unresolved: ProvisionalObject?
        let resolved = rewriting { object in
            guard provisional.contains(object) else { return object }
            guard let real = learned[object] else {
                unresolved = unresolved ?? object
                return object
            }
            return real
        }
        if let unresolved { throw .unresolved(unresolved) }
        return resolved
    }
}
