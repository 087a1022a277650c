import InvGateWire

/// Reading the answers of writes, the one way `apply` and the tests read them.
extension InvGateClient {
    /// Sends a create and returns the new object's id. An answer that names none fails with
    /// ``InvGateError/Reason/malformedAnswer(_:)``, quoting the start of the answer.
    package func sendCreate(_ call: WireCall) async throws(InvGateError) -> Int {
        let answer = try await send(call)
        guard let id = StatusAnswer(json: answer).createdID else {
            let excerpt = String(decoding: answer.serialized().prefix(200), as: UTF8.self)
            throw InvGateError(call.endpoint, call.method, .malformedAnswer("the answer carries no id: \(excerpt)"))
        }
        return id
    }

    /// Sends a change of memberships, observers or related groups and returns the answer per id.
    /// An answer that is not an object of id–boolean pairs fails with
    /// ``InvGateError/Reason/malformedAnswer(_:)``.
    package func sendRelationChange(_ call: WireCall) async throws(InvGateError) -> RelationAnswer {
        let answer = try await send(call)
        do {
            return try RelationAnswer(json: answer)
        } catch {
            throw InvGateError(call.endpoint, call.method, .malformedAnswer(error.description))
        }
    }
}
