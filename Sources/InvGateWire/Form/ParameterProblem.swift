/// Why a server refuses a request's parameters.
package enum ParameterProblem: Error, Equatable, Sendable, CustomStringConvertible {
    case missing(String)
    case wrongType(String, ParameterSpec.Kind)

    package var description: String {
        switch self {
        case .missing(let name): "The parameter \(name) is required."
        case .wrongType(let name, let kind): "The parameter \(name) must be of type \(kind.rawValue.uppercased())."
        }
    }
}
