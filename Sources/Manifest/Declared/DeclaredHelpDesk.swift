/// An existing help desk, named to manage its observers and its levels' observers. deskform never
/// creates, renames or deletes help desks or levels.
package struct DeclaredHelpDesk: Hashable, Sendable {
    package var name: String
    /// Where the help desk's name is written.
    package var position: SourceLocation
    package var observers: [UserReference]?
    package var levels: [DeclaredLevel]

    package init(
        name: String, position: SourceLocation = .unknown, observers: [UserReference]? = nil,
        levels: [DeclaredLevel] = []
    ) {
        self.name = name
        self.position = position
        self.observers = observers
        self.levels = levels
    }
}

/// A level of a help desk, picked by its name or by its order (1 is the first level).
package struct DeclaredLevel: Hashable, Sendable {
    package enum Selector: Hashable, Sendable, CustomStringConvertible {
        case name(String)
        case order(Int)

        package var description: String {
            switch self {
            case .name(let name): "'\(name)'"
            case .order(let order): "order \(order)"
            }
        }
    }

    package var selector: Selector
    /// Where the level's `name` or `order` value is written.
    package var position: SourceLocation
    package var observers: [UserReference]?

    package init(selector: Selector, position: SourceLocation = .unknown, observers: [UserReference]? = nil) {
        self.selector = selector
        self.position = position
        self.observers = observers
    }
}
