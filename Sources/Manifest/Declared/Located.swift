/// A value read from a manifest, with the place it was written.
public struct Located<Value: Hashable & Sendable>: Hashable, Sendable {
    public var value: Value
    public var position: SourceLocation

    public init(_ value: Value, at position: SourceLocation = .unknown) {
        self.value = value
        self.position = position
    }
}

extension Located: CustomStringConvertible {
    public var description: String { "\(value)" }
}
