import EstateModel
import InvGateAPI
import InvGateWire

/// Writes in tests go the one way `apply` sends them: an operation's wire call, through
/// ``InvGateAPI/InvGateClient/send(_:)-(WireCall)``.
extension InvGateClient {
    @discardableResult
    package func send(_ operation: EstateOperation) async throws(InvGateError) -> JSONValue {
        try await send(operation.wireCall)
    }

    /// Sends a create and returns the new object's id.
    package func create(_ operation: EstateOperation) async throws(InvGateError) -> Int {
        try await sendCreate(operation.wireCall)
    }

    /// Sends a change of memberships, observers or related groups and returns the answer per id.
    package func relations(_ operation: EstateOperation) async throws(InvGateError) -> RelationAnswer {
        try await sendRelationChange(operation.wireCall)
    }
}
