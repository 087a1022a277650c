/// An existing help desk, named to manage its observers and its levels' observers. deskform never
/// creates, renames or deletes help desks or levels.
public struct DeclaredHelpDesk: Hashable, Sendable {
    public var name: String
    /// Where the help desk's name is written.
    public var position: SourceLocation
    public var observers: [UserReference]?
    public var levels: [DeclaredLevel]

    public init(
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
public struct DeclaredLevel: Hashable, Sendable {
    public enum Selector: Hashable, Sendable, CustomStringConvertible {
        case name(String)
        case order(Int)

        public var description: String {
            switch self {
            case .name(let name): "'\(name)'"
            case .order(let order): "order \(order)"
            }
        }
    }

    public var selector: Selector
    /// Where the level's `name` or `order` value is written.
    public var position: SourceLocation
    public var observers: [UserReference]?

    public init(selector: Selector, position: SourceLocation = .unknown, observers: [UserReference]? = nil) {
        self.selector = selector
        self.position = position
        self.observers = observers
    }
}
