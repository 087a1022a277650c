import EstateModel

/// What `plan` shows and `apply` carries out: the changes per object, and the API steps that make them.
public struct Plan: Equatable, Sendable, Codable {
    /// The version of the JSON and plan-file formats.
    public static let formatVersion = 2

    public var changes: [Change]
    /// In an order that respects every dependency; `Step.dependsOn` says which may run concurrently.
    public var steps: [Step]
    /// Live objects no manifest declares and no prune removes, per kind.
    public var unmanaged: [ObjectKind: Int]
    /// What the plan's reader should know but that does not stop it (a disabled user), with its place.
    public var warnings: [String]
    /// What the steps do to the live estate, by the plan's replay: the source of every count.
    public var outcome: Outcome
    /// `policy.max_deletes` of the manifests the plan was made from.
    public var maxDeletes: Int
    /// What `protect: true` guards in those manifests (``DesiredState/protectedAddresses``): `undo` keeps to it.
    public var protected: [Address]
    /// `policy.ignore` of those manifests: `undo` keeps to it too.
    public var ignore: [String]
    /// What `--target` and `--exclude` limited the plan to (everything when neither was given).
    public var targeting: Targeting = .everything
    /// Objects outside the targets that targeted ones need in order to exist, planned with them.
    public var pulledIn: [DesiredState.PulledIn] = []

    public init(
        changes: [Change] = [], steps: [Step] = [], unmanaged: [ObjectKind: Int] = [:], warnings: [String] = [],
        outcome: Outcome = Outcome(), maxDeletes: Int = 10, protected: [Address] = [], ignore: [String] = []
    ) {
        self.changes = changes
        self.steps = steps
        self.unmanaged = unmanaged
        self.warnings = warnings
        self.outcome = outcome
        self.maxDeletes = maxDeletes
        self.protected = protected
        self.ignore = ignore
    }

    public var isEmpty: Bool { steps.isEmpty }

    /// Objects created, changed and destroyed by the replay (a replace is one of each of add and destroy).
    public var summary: Summary {
        Summary(add: outcome.created.count, change: outcome.changed.count, destroy: outcome.destroyed.count)
    }

    /// Objects the plan destroys, cascades included: what `policy.max_deletes` limits.
    public var deletions: Int { outcome.destroyed.count }

    public var unmanagedCount: Int { unmanaged.values.reduce(0, +) }

    public struct Summary: Equatable, Sendable, Codable {
        public var add = 0
        public var change = 0
        public var destroy = 0

        public init(add: Int = 0, change: Int = 0, destroy: Int = 0) {
            self.add = add
            self.change = change
            self.destroy = destroy
        }
    }
}

/// Where an object lives in the manifests' terms: `company["Acme Corp"]`, `location["Madrid/Floor 2"]`.
public struct Address: Equatable, Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    public enum Kind: String, Equatable, Hashable, Sendable, CaseIterable, Codable {
        case company, group, location, helpdesk, level
        case kbCategory = "kb_category"
        case customField = "custom_field"
        case option
    }

    public var kind: Kind
    public var name: String

    public init(_ kind: Kind, _ name: String) {
        self.kind = kind
        self.name = name
    }

    public var description: String {
        let escaped = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\(kind.rawValue)[\"\(escaped)\"]"
    }

    public static func < (lhs: Address, rhs: Address) -> Bool {
        let order = Kind.allCases
        if lhs.kind != rhs.kind { return order.firstIndex(of: lhs.kind)! < order.firstIndex(of: rhs.kind)! }
        return lhs.name < rhs.name
    }
}

/// One object's change.
public struct Change: Equatable, Sendable, Codable {
    public enum Action: String, Equatable, Sendable, Codable {
        case create, update, delete, replace

        /// Terraform's symbol: `+`, `~`, `-`, `-/+`.
        public var symbol: String {
            switch self {
            case .create: "+"
            case .update: "~"
            case .delete: "-"
            case .replace: "-/+"
            }
        }
    }

    public var address: Address
    public var action: Action
    /// Attributes before and after (`name`, `external_id`, `parent`); nil for a create / a delete.
    public var before: [String: String]?
    public var after: [String: String]?
    public var reason: String
    public var relations: [RelationChange]
    /// What else goes with it: sublocations erased, memberships dropped.
    public var consequences: [String]

    public init(
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
public struct RelationChange: Equatable, Sendable, Codable {
    public var relation: String
    public var added: [String]
    public var removed: [String]
    public var changed: [String]

    public init(relation: String, added: [String], removed: [String], changed: [String] = []) {
        self.relation = relation
        self.added = added
        self.removed = removed
        self.changed = changed
    }

    enum CodingKeys: String, CodingKey {
        case relation, added, removed, changed
    }

    /// Plans and journals written before options changed in place had their own list read with none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        relation = try container.decode(String.self, forKey: .relation)
        added = try container.decode([String].self, forKey: .added)
        removed = try container.decode([String].self, forKey: .removed)
        changed = try container.decodeIfPresent([String].self, forKey: .changed) ?? []
    }
}

/// One API call of a plan. Ids of objects created earlier in the plan are provisional: the ids the
/// plan's replay handed out, which `apply` replaces with the ids the API answers.
public struct Step: Equatable, Sendable, Codable {
    public var id: Int
    public var operation: EstateOperation
    /// The change this step belongs to.
    public var address: Address
    /// The object the step acts on when it is not `address`'s: a replace's DELETE names the old object.
    public var subject: Address?
    /// Steps that must finish first.
    public var dependsOn: [Int]
    /// The object this step creates, with its provisional id or hash.
    public var creates: ProvisionalObject?

    public init(
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
    public var object: Address { subject ?? address }
}

/// An object a plan creates, by the provisional id (or hash) its later steps use.
public enum ProvisionalObject: Equatable, Hashable, Sendable, Codable {
    case company(Int)
    case group(Int)
    case location(Int)
    case kbCategory(Int)
    case treeOption(field: Int, hash: String)
}
