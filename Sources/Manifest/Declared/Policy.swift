import EstateModel

/// Safety policy: what the planner may delete and what it must never touch.
package struct Policy: Hashable, Sendable {
    /// Kinds whose undeclared live objects are deleted. Empty by default: undeclared objects are left alone.
    package var prune: [Located<ObjectKind>]
    /// Glob patterns (`*`, `?`, `[…]`) of object names (or paths, for trees) never touched, even by prune.
    package var ignore: [Located<String>]
    /// `apply` refuses more deletions than this without `--allow-deletes`; nil: ``defaultMaxDeletes``.
    package var maxDeletes: Located<Int>?

    /// What `max_deletes` is when no manifest sets it.
    package static let defaultMaxDeletes = 10

    package init(prune: [Located<ObjectKind>] = [], ignore: [Located<String>] = [], maxDeletes: Located<Int>? = nil) {
        self.prune = prune
        self.ignore = ignore
        self.maxDeletes = maxDeletes
    }
}
