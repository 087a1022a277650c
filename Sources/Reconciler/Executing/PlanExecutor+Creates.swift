import EstateModel
import InvGateAPI
import InvGateWire
import Planner

/// Duplicate-safe creates: a create is never repeated blindly. Its call is a `CreateCall`, which
/// the client does not repeat once it may have happened; when its answer is lost (dropped
/// connection, timeout, 5xx) the object is looked up by its identity; found, its id is used; not
/// found, the create is tried again, up to ``PlanExecutor/createAttempts`` in all.
extension PlanExecutor {
    func create(_ operation: EstateOperation, of step: Step, into result: inout StepResult) async throws(ApplyError) {
        let call = operation.wireCall
        var attempt = 0
        while true {
            attempt += 1
            let id: Int
            do {
                id = try await client.sendCreate(call)
            } catch {
                guard error.isOutcomeUnknown else { throw .api(error) }
                if let id = try await lookUpAfterLostAnswer(operation, step: step, call: call, error: error) {
                    result.created = Self.created(operation, id: id)
                    result.notes.append("found by its identity after a lost answer (attempt \(attempt)); not created again")
                    return
                }
                guard attempt < createAttempts else { throw .api(error) }
                logger.info(
                    "create not found after a lost answer; trying again", metadata: ["step": "\(step.id)", "attempt": "\(attempt)"])
                await pause(after: attempt)
                continue
            }
            result.created = Self.created(operation, id: id)
            if attempt > 1 { result.notes.append("created on attempt \(attempt)") }
            return
        }
    }

    /// Tree options: `POST cf.field.options.tree` answers no hash, so the new option is found by
    /// reading the tree again (only when a later step needs its hash) — by key when one was given,
    /// else by name under its parent. A lost answer is handled as for any create.
    func addTreeOption(_ operation: EstateOperation, of step: Step, into result: inout StepResult, learnHash: Bool) async throws(ApplyError)
    {
        guard case .addTreeOption(let field, let name, let key, let parentHash) = operation else { return }
        let call = operation.wireCall
        var attempt = 0
        while true {
            attempt += 1
            do {
                _ = try await client.send(call)
            } catch {
                guard error.isOutcomeUnknown else { throw .api(error) }
                await write(JournalEntry(step: step, call: call, outcome: .outcomeUnknown, error: error.description))
                if let hash = try await existingTreeOption(field: field, name: name, key: key, parentHash: parentHash) {
                    await write(JournalEntry(step: step, call: call, outcome: .adopted, learned: hash))
                    result.created = .treeOption(field: field, hash: hash)
                    result.notes.append("found by its identity after a lost answer (attempt \(attempt)); not created again")
                    return
                }
                guard attempt < createAttempts else { throw .api(error) }
                await pause(after: attempt)
                continue
            }
            if attempt > 1 { result.notes.append("created on attempt \(attempt)") }
            guard learnHash else { return }
            guard let hash = try await existingTreeOption(field: field, name: name, key: key, parentHash: parentHash) else {
                throw .createdNotFound(call, identity: key.map { "key \($0)" } ?? "\(name) under \(parentHash ?? "the root")")
            }
            result.created = .treeOption(field: field, hash: hash)
            return
        }
    }

    /// Backs off before trying a create again, as the client backs off before repeating a request.
    private func pause(after attempt: Int) async {
        try? await Task.sleep(for: client.retryPolicy.delay(after: attempt))
    }

    private func lookUpAfterLostAnswer(
        _ operation: EstateOperation, step: Step, call: WireCall, error: InvGateError
    ) async throws(ApplyError) -> Int? {
        await write(JournalEntry(step: step, call: call, outcome: .outcomeUnknown, error: error.description))
        let id = try await existingObject(for: operation)
        if let id { await write(JournalEntry(step: step, call: call, outcome: .adopted, learned: String(id))) }
        return id
    }

    static func created(_ operation: EstateOperation, id: Int) -> ProvisionalObject? {
        switch operation {
        case .createCompany: .company(id)
        case .createGroup: .group(id)
        case .createLocation: .location(id)
        case .createKBCategory: .kbCategory(id)
        case .createUser: .user(id)
        default: nil
        }
    }
}
