import EstateModel

/// Safety policy: what the planner may delete and what it must never touch.
package struct Policy: Hashable, Sendable {
    /// Kinds whose undeclared live objects are deleted. Empty by default: undeclared objects are left alone.
    package var prune: [Located<ObjectKind>]
    /// Glob patterns (`*`, `?`, `[…]`) of object names (or paths, for trees) never touched, even by prune.
    package var ignore: [Located<String>]
    /// `apply` refuses more deletions than this without `--allow-deletes`; nil: ``defaultMaxDeletes``.
    package var maxDeletes: Located<Int>?
    /// `invite_users: true`: each user deskform creates gets the API's e-mail to set a password.
    package var inviteUsers: Located<Bool>?

    /// What `max_deletes` is when no manifest sets it.
    package static let defaultMaxDeletes = 10

    package init(
        prune: [Located<ObjectKind>] = [], ignore: [Located<String>] = [], maxDeletes: Located<Int>? = nil,
        inviteUsers: Located<Bool>? = nil
    ) {
        self.prune = prune
        self.ignore = ignore
        self.maxDeletes = maxDeletes
        self.inviteUsers = inviteUsers
    }
}
