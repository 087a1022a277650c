import EstateModel

/// What `--target` and `--exclude` select: an object is planned when some target names it (or there is
/// no target) and no exclude does. Untargeted objects are never changed, created or pruned.
package struct Targeting: Equatable, Hashable, Sendable {
    package var targets: [AddressPattern]
    package var excludes: [AddressPattern]

    package init(targets: [AddressPattern] = [], excludes: [AddressPattern] = []) {
        self.targets = targets
        self.excludes = excludes
    }

    /// Everything selected: no `--target`, no `--exclude`.
    package static let everything = Targeting()

    package var isEverything: Bool { targets.isEmpty && excludes.isEmpty }

    /// Whether `address` is planned.
    package func selects(_ address: Address) -> Bool {
        (targets.isEmpty || targets.contains { $0.matches(address) }) && !excludes.contains { $0.matches(address) }
    }

    /// The kinds that targets can reach (every kind when there is no target).
    package var kinds: Set<ObjectKind> {
        targets.isEmpty ? Set(ObjectKind.allCases) : Set(targets.flatMap(\.objectKinds))
    }

    /// `--target X --exclude Y`, as a plan shows what it was limited to.
    package var summary: String {
        (targets.map { "--target \($0.description)" } + excludes.map { "--exclude \($0.description)" }).joined(separator: " ")
    }
}
