import InvGateWire
import Planner

/// Why one step of a plan failed. Each carries enough context to be read on its own; the
/// ``StepResult`` it belongs to names the step and its address.
package enum ApplyError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The API refused the call, or could not be reached after every retry (a create whose outcome
    /// stayed unknown after every attempt, none of which left the object behind, included), or
    /// answered what cannot be read (a create's answer without the new object's id included).
    case api(InvGateError)
    /// The answer and a read-back agree that these related ids were not added (or not removed).
    case notApplied(WireCall, ids: [Int])
    /// An object this step created could not be found by its identity afterwards.
    case createdNotFound(WireCall, identity: String)
    /// The step mentions an object created earlier in the plan whose real id is not known.
    case unresolved(ProvisionalObject)

    package var description: String {
        switch self {
        case .api(let error):
            return error.description
        case .notApplied(let call, let ids):
            return
                "\(call.method.rawValue) \(call.endpoint.rawValue): not applied for \(ids.map(String.init).joined(separator: ", ")), as read back"
        case .createdNotFound(let call, let identity):
            return "\(call.method.rawValue) \(call.endpoint.rawValue): the new object (\(identity)) is not there when read back"
        case .unresolved(let object):
            return "the object created earlier in the plan as \(object) has no real id: its create did not report one"
        }
    }
}
