import EstateModel

extension Dictionary where Key == Int {
    /// The values in ascending id order, as the API lists them.
    var inIDOrder: [Value] { keys.sorted().map { self[$0]! } }
}

extension User {
    /// First name and last name, as the member lists show it.
    var fullName: String { [name, lastname].filter { !$0.isEmpty }.joined(separator: " ") }
}

extension Optional {
    /// Whether an optional filter lets `value` through: nil filters nothing.
    func admits(_ value: Wrapped) -> Bool where Wrapped: Equatable {
        self == nil || self == value
    }
}
