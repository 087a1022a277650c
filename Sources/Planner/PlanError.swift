/// Why no plan can be shown.
public enum PlanError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A protected object would be deleted or replaced.
    case protected(Address, why: String)
    /// Two declarations, or a declaration and the live estate, cannot be told apart.
    case ambiguous(Address, why: String)
    /// The replayed plan does not reach the desired state: a planner bug or an API conflict.
    case doesNotConverge([String])
    /// The replay refused a step the planner chose.
    case inconsistent(String)

    public var description: String {
        switch self {
        case .protected(let address, let why): "\(address) is protected, but \(why)."
        case .ambiguous(let address, let why): "\(address) is ambiguous: \(why)."
        case .doesNotConverge(let mismatches):
            "the plan would not reach the manifests' state:\n" + mismatches.map { "  - \($0)" }.joined(separator: "\n")
        case .inconsistent(let why): why
        }
    }
}
