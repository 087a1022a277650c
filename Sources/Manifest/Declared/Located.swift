/// A value read from a manifest, with the place it was written.
package struct Located<Value: Hashable & Sendable>: Hashable, Sendable {
    package var value: Value
    package var position: SourceLocation

    package init(_ value: Value, at position: SourceLocation = .unknown) {
        self.value = value
        self.position = position
    }
}

extension Located: CustomStringConvertible {
    package var description: String { "\(value)" }
}
