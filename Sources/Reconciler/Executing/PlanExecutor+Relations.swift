import EstateModel
import InvGateAPI
import InvGateWire
import Planner

/// Checking the answers of relation writes and of deletes.
extension PlanExecutor {
    /// Memberships, observers and company–group relations answer per id whether the call changed
    /// it. `false` for an add means "already so" — or a user the API would not take (an observer
    /// add answers `false` for an unknown user). So every id not confirmed by the answer is read
    /// back: what is not as asked fails the step with ``ApplyError/notApplied(_:ids:)``.
    func changeRelation(_ operation: EstateOperation, into result: inout StepResult) async throws(ApplyError) {
        let call = operation.wireCall
        let answer: RelationAnswer
        do {
            answer = try await client.sendRelationChange(call)
        } catch {
            throw .api(error)
        }
        guard let relation = RelationChangeCheck(operation) else { return }
        // An add is confirmed by `true`; a removal by any answer for the id (`false`: it was not there).
        let unconfirmed = relation.ids.filter { id in
            guard let changed = answer.results[id] else { return true }
            return relation.adds && !changed
        }
        guard !unconfirmed.isEmpty else { return }
        let current = try await read(relation)
        let lost = unconfirmed.filter { current.contains($0) != relation.adds }
        guard lost.isEmpty else { throw .notApplied(call, ids: lost.sorted()) }
        result.notes.append("already so for \(unconfirmed.sorted().map(String.init).joined(separator: ", ")), as read back")
    }

    /// Deletes answer an error for an object already gone (deleted behind the plan's back, or by a
    /// first attempt whose answer was lost and then retried). A refusal is therefore checked by
    /// reading: an object that is not there is what the step wanted.
    ///
    /// Whether deleting a KB category erases its subcategories or is refused while it has any is not
    /// documented: a category's subcategories are deleted first, deepest first, each DELETE answered
    /// before the next is sent, so that either way its own DELETE finds it without children.
    func delete(_ operation: EstateOperation, into result: inout StepResult) async throws(ApplyError) {
        if case .deleteKBCategory(let id) = operation {
            let below = try await subcategories(of: id)
            for child in below { try await deleteOne(.deleteKBCategory(id: child), into: &result) }
            if !below.isEmpty {
                result.notes.append("its subcategories deleted first: ids \(below.map(String.init).joined(separator: ", "))")
            }
        }
        try await deleteOne(operation, into: &result)
    }

    /// The categories below `id`, deepest first (children before their parents).
    private func subcategories(of id: Int) async throws(ApplyError) -> [Int] {
        let categories: [KBCategoryRecord]
        do {
            categories = try await client.kbCategories()
        } catch {
            throw .api(error)
        }
        var children: [Int: [Int]] = [:]
        for category in categories { if let parent = category.parentID { children[parent, default: []].append(category.id) } }
        var order: [Int] = []
        var seen: Set<Int> = [id]
        func visit(_ parent: Int) {
            for child in (children[parent] ?? []).sorted() where seen.insert(child).inserted {
                visit(child)
                order.append(child)
            }
        }
        visit(id)
        return order
    }

    private func deleteOne(_ operation: EstateOperation, into result: inout StepResult) async throws(ApplyError) {
        let call = operation.wireCall
        do {
            _ = try await client.send(call)
        } catch {
            guard Self.isRefusal(error), try await isAbsent(operation) else { throw .api(error) }
            result.notes.append("already absent")
        }
    }

    /// An answer that says the call was refused as asked (4xx other than 429, or `status: ERROR`).
    static func isRefusal(_ error: InvGateError) -> Bool {
        switch error.reason {
        case .status(let code, _, _): (400..<500).contains(code) && code != 429 && code != 401
        case .refused: true
        default: false
        }
    }

    /// The related ids as they are now.
    private func read(_ relation: RelationChangeCheck) async throws(ApplyError) -> Set<Int> {
        do {
            switch relation.kind {
            case .members(let target):
                return Set(try await client.members(of: target.kind, id: target.id).map(\.id))
            case .observers(let entity):
                let records = try await client.observers(of: entity.kind, ids: [entity.id])
                return Set(records.first { $0.id == entity.id }?.observerUsers ?? [])
            case .groups(let company):
                return Set(try await client.companyGroups(company: company).map(\.id))
            }
        } catch {
            throw .api(error)
        }
    }
}
