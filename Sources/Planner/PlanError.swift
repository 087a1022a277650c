import EstateModel

/// Why no plan can be shown.
package enum PlanError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A protected object would be deleted or replaced.
    case protected(Address, why: String)
    /// Two declarations, or a declaration and the live estate, cannot be told apart.
    case ambiguous(Address, why: String)
    /// A declared identity (`external_id`) matches no live object, while one of the same name has another.
    case otherIdentity(Address, why: String, hint: String)
    /// A step of the change at `by` erases a protected or ignored object along with its own (a
    /// sublocation with its parent).
    case erasedByCascade(Address, by: Address, why: String)
    /// A step of the change at `by` changes an ignored object as a side effect of the API (a new member
    /// of a company joins the ignored group it relates).
    case changedBySideEffect(Address, by: Address, why: String)
    /// The replayed plan does not reach the desired state: a planner bug or an API conflict.
    case doesNotConverge([String])
    /// The replay refused a step the planner chose.
    case inconsistent(String)

    /// What to do about it, where there is something to say.
    package var hint: String? {
        switch self {
        case .otherIdentity(_, _, let hint): hint
        case .erasedByCascade(let victim, _, _):
            "the API erases everything below a deleted object: keep it, or move \(victim) out of it first"
        case .changedBySideEffect(let victim, let cause, _):
            "deskform never writes an ignored object: change the manifests so that no step of \(cause) reaches \(victim) "
                + "(a company's members join the groups it relates), or stop ignoring it"
        default: nil
        }
    }

    package var description: String {
        switch self {
        case .protected(let address, let why): "\(address) is protected, but \(why)."
        case .ambiguous(let address, let why): "\(address) is ambiguous: \(why)."
        case .otherIdentity(let address, let why, _): "\(address) would be a second company of that name: \(why)."
        case .erasedByCascade(let victim, let cause, let why):
            "\(cause) would erase \(victim) with it, but \(why)."
        case .changedBySideEffect(let victim, let cause, let why):
            "\(cause) would change \(victim) as a side effect of the API, but \(why)."
        case .doesNotConverge(let mismatches):
            "the plan would not reach the manifests' state:\n" + mismatches.map { "  - \($0)" }.joined(separator: "\n")
        case .inconsistent(let why): why
        }
    }
}
