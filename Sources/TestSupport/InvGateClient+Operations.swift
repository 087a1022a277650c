import EstateModel
import InvGateAPI
import InvGateWire

/// Writes in tests go the one way `apply` sends them: an operation's wire call, through
/// ``InvGateAPI/InvGateClient/send(_:)-(WireCall)``.
extension InvGateClient {
    @discardableResult
    public func send(_ operation: EstateOperation) async throws(InvGateError) -> JSONValue {
        try await send(operation.wireCall)
    }

    /// Sends a create and returns the new object's id.
    public func create(_ operation: EstateOperation) async throws(InvGateError) -> Int {
        let call = operation.wireCall
        let answer = try await send(call)
        guard let id = StatusAnswer(json: answer).createdID else {
            throw InvGateError(
                call.endpoint, call.method, .malformedAnswer("no id in \(String(decoding: answer.serialized(), as: UTF8.self))"))
        }
        return id
    }

    /// Sends a change of memberships, observers or related groups and returns the answer per id.
    public func relations(_ operation: EstateOperation) async throws(InvGateError) -> RelationAnswer {
        let call = operation.wireCall
        let answer = try await send(call)
        do {
            return try RelationAnswer(json: answer)
        } catch {
            throw InvGateError(call.endpoint, call.method, .malformedAnswer(error.description))
        }
    }
}
