import EstateModel

/// What `plan` shows and `apply` carries out: the changes per object, and the API steps that make them.
package struct Plan: Equatable, Sendable {
    /// The version of the JSON plan (`plan --format json`, `specs/plan.schema.json`); a saved plan has its own (``PlanFile``).
    package static let formatVersion = 2

    package let changes: [Change]
    /// In an order that respects every dependency; `Step.dependsOn` says which may run concurrently.
    package let steps: [Step]
    /// Live objects no manifest declares and no prune removes, per kind.
    package let unmanaged: [ObjectKind: Int]
    /// What the plan's reader should know but that does not stop it (a disabled user), with its place.
    package let warnings: [String]
    /// What the steps do to the live estate, by the plan's replay: the source of every count.
    package let outcome: Outcome
    /// `policy.max_deletes` of the manifests the plan was made from.
    package let maxDeletes: Int
    /// What `protect: true` guards in those manifests (``DesiredState/protectedAddresses``): `undo` keeps to it.
    package let protected: [Address]
    /// `policy.ignore` of those manifests: `undo` keeps to it too.
    package let ignore: [String]
    /// What `--target` and `--exclude` limited the plan to (everything when neither was given).
    package let targeting: Targeting
    /// Objects outside the targets that targeted ones need in order to exist, planned with them.
    package let pulledIn: [DesiredState.PulledIn]

    package init(
        changes: [Change] = [], steps: [Step] = [], unmanaged: [ObjectKind: Int] = [:], warnings: [String] = [],
        outcome: Outcome = Outcome(), maxDeletes: Int = 10, protected: [Address] = [], ignore: [String] = [],
        targeting: Targeting = .everything, pulledIn: [DesiredState.PulledIn] = []
    ) {
        self.changes = changes
        self.steps = steps
        self.unmanaged = unmanaged
        self.warnings = warnings
        self.outcome = outcome
        self.maxDeletes = maxDeletes
        self.protected = protected
        self.ignore = ignore
        self.targeting = targeting
        self.pulledIn = pulledIn
    }

    package var isEmpty: Bool { steps.isEmpty }

    /// Objects created, changed and destroyed by the replay (a replace is one of each of add and destroy).
    package var summary: Summary {
        Summary(add: outcome.created.count, change: outcome.changed.count, destroy: outcome.destroyed.count)
    }

    /// Objects the plan destroys, cascades included: what `policy.max_deletes` limits.
    package var deletions: Int { outcome.destroyed.count }

    package var unmanagedCount: Int { unmanaged.values.reduce(0, +) }

    package struct Summary: Equatable, Sendable {
        package var add = 0
        package var change = 0
        package var destroy = 0

        package init(add: Int = 0, change: Int = 0, destroy: Int = 0) {
            self.add = add
            self.change = change
            self.destroy = destroy
        }
    }
}

/// One object's change.
package struct Change: Equatable, Sendable {
    package enum Action: String, Equatable, Sendable {
        case create, update, delete, replace

        /// Terraform's symbol: `+`, `~`, `-`, `-/+`.
        package var symbol: String {
            switch self {
            case .create: "+"
            case .update: "~"
            case .delete: "-"
            case .replace: "-/+"
            }
        }
    }

    package var address: Address
    package var action: Action
    /// Attributes before and after (`name`, `external_id`, `parent`); nil for a create / a delete.
    package var before: [String: String]?
    package var after: [String: String]?
    package var reason: String
    package var relations: [RelationChange]
    /// What else goes with it: sublocations erased, memberships dropped.
    package var consequences: [String]

    package init(
        address: Address, action: Action, before: [String: String]? = nil, after: [String: String]? = nil,
        reason: String, relations: [RelationChange] = [], consequences: [String] = []
    ) {
        self.address = address
        self.action = action
        self.before = before
        self.after = after
        self.reason = reason
        self.relations = relations
        self.consequences = consequences
    }
}

/// Members, observers, related groups or options added to and removed from one object, and options
/// changed in place (a value, a tree option's name: `old → new`).
package struct RelationChange: Equatable, Sendable {
    package var relation: String
    package var added: [String]
    package var removed: [String]
    package var changed: [String]

    package init(relation: String, added: [String], removed: [String], changed: [String] = []) {
        self.relation = relation
        self.added = added
        self.removed = removed
        self.changed = changed
    }
}

/// One API call of a plan. Ids of objects created earlier in the plan are provisional: the ids the
/// plan's replay handed out, which `apply` replaces with the ids the API answers.
package struct Step: Equatable, Sendable {
    package var id: Int
    package var operation: EstateOperation
    /// The change this step belongs to.
    package var address: Address
    /// The object the step acts on when it is not `address`'s: a replace's DELETE names the old object.
    package var subject: Address?
    /// Steps that must finish first.
    package var dependsOn: [Int]
    /// The object this step creates, with its provisional id or hash.
    package var creates: ProvisionalObject?

    package init(
        id: Int, operation: EstateOperation, address: Address, subject: Address? = nil, dependsOn: [Int], creates: ProvisionalObject? = nil
    ) {
        self.id = id
        self.operation = operation
        self.address = address
        self.subject = subject
        self.dependsOn = dependsOn
        self.creates = creates
    }

    /// The object the step acts on, for logs and the journal.
    package var object: Address { subject ?? address }
}

/// An object a plan creates, by the provisional id (or hash) its later steps use.
package enum ProvisionalObject: Equatable, Hashable, Sendable {
    case company(Int)
    case group(Int)
    case location(Int)
    case kbCategory(Int)
    case treeOption(field: Int, hash: String)
    case user(Int)
}
