import ArgumentParser

/// `--parallelism`: `auto` (the width is found as the command goes, AIMD) or a fixed number of
/// requests in flight at once.
package enum Parallelism: Equatable, Sendable, ExpressibleByArgument, CustomStringConvertible {
    case auto
    case fixed(Int)

    /// Where `auto` starts.
    static let autoStart = 4

    package init?(argument: String) {
        if argument.lowercased() == "auto" {
            self = .auto
        } else if let width = Int(argument), width >= 1 {
            self = .fixed(width)
        } else {
            return nil
        }
    }

    package var description: String {
        switch self {
        case .auto: "auto"
        case .fixed(let width): "\(width)"
        }
    }

    package var defaultValueDescription: String { description }
}
