import EstateModel

/// What the manifests ask for, with users resolved to ids. A relation that is nil is unmanaged;
/// an empty one is managed and empty.
public struct DesiredState: Equatable, Sendable {
    public var companies: [Company]
    public var groups: [Group]
    /// Every declared location, parents before children.
    public var locations: [Location]
    public var helpdesks: [HelpDesk]
    /// Every declared KB category, parents before children.
    public var kbCategories: [KBCategory]
    public var customFields: [CustomField]
    public var policy: Policy

    public init(
        companies: [Company] = [], groups: [Group] = [], locations: [Location] = [],
        helpdesks: [HelpDesk] = [], kbCategories: [KBCategory] = [],
        customFields: [CustomField] = [], policy: Policy = Policy()
    ) {
        self.companies = companies
        self.groups = groups
        self.locations = locations
        self.helpdesks = helpdesks
        self.kbCategories = kbCategories
        self.customFields = customFields
        self.policy = policy
    }
}

extension DesiredState {
    /// `policy:` of the manifests.
    public struct Policy: Equatable, Sendable {
        public var prune: Set<ObjectKind>
        /// Globs (`*`, `?`, `[a-z]`, as ``GlobPattern`` reads them) matched against names and paths: such
        /// live objects are never touched.
        public var ignore: [String]
        public var maxDeletes: Int
        /// What `--target` and `--exclude` select: the prune never touches anything else.
        public var targeting: Targeting

        public init(prune: Set<ObjectKind> = [], ignore: [String] = [], maxDeletes: Int = 10, targeting: Targeting = .everything) {
            self.prune = prune
            self.ignore = ignore
            self.maxDeletes = maxDeletes
            self.targeting = targeting
        }

        /// Whether the prune must leave `address` alone: `policy.ignore` matches it, or it is not targeted.
        public func leavesAlone(_ address: Address) -> Bool {
            ignores(address.name) || !targeting.selects(address)
        }

        /// Whether `name` (or a path `A/B`) matches one of the `ignore` globs.
        public func ignores(_ name: String) -> Bool {
            ignorePattern(matching: name) != nil
        }

        /// The first `ignore` glob that matches `name`.
        public func ignorePattern(matching name: String) -> String? {
            ignore.first { GlobPattern($0).matches(name) }
        }
    }

    public struct Company: Equatable, Sendable {
        public var name: String
        public var externalID: String?
        public var previousNames: [String]
        /// Names of related groups.
        public var groups: [String]?
        public var members: Set<Int>?
        public var observers: Set<Int>?
        public var protect: Bool
        public var absent: Bool

        public init(
            name: String, externalID: String? = nil, previousNames: [String] = [], groups: [String]? = nil,
            members: Set<Int>? = nil, observers: Set<Int>? = nil, protect: Bool = false, absent: Bool = false
        ) {
            self.name = name
            self.externalID = externalID
            self.previousNames = previousNames
            self.groups = groups
            self.members = members
            self.observers = observers
            self.protect = protect
            self.absent = absent
        }
    }

    public struct Group: Equatable, Sendable {
        public var name: String
        public var previousNames: [String]
        public var members: Set<Int>?
        public var observers: Set<Int>?
        public var protect: Bool
        public var absent: Bool

        public init(
            name: String, previousNames: [String] = [], members: Set<Int>? = nil, observers: Set<Int>? = nil,
            protect: Bool = false, absent: Bool = false
        ) {
            self.name = name
            self.previousNames = previousNames
            self.members = members
            self.observers = observers
            self.protect = protect
            self.absent = absent
        }
    }

    public struct Location: Equatable, Sendable {
        /// Names from the root, e.g. `["Madrid", "Floor 2"]`.
        public var path: [String]
        public var previousNames: [String]
        public var members: Set<Int>?
        public var observers: Set<Int>?
        public var protect: Bool
        public var absent: Bool

        public init(
            path: [String], previousNames: [String] = [], members: Set<Int>? = nil, observers: Set<Int>? = nil,
            protect: Bool = false, absent: Bool = false
        ) {
            self.path = path
            self.previousNames = previousNames
            self.members = members
            self.observers = observers
            self.protect = protect
            self.absent = absent
        }
    }

    /// An existing help desk: only its observers and its levels' observers are managed.
    public struct HelpDesk: Equatable, Sendable {
        public var id: Int
        public var name: String
        public var observers: Set<Int>?
        public var levels: [Level]

        public init(id: Int, name: String, observers: Set<Int>? = nil, levels: [Level] = []) {
            self.id = id
            self.name = name
            self.observers = observers
            self.levels = levels
        }
    }

    public struct Level: Equatable, Sendable {
        public var id: Int
        public var name: String
        public var observers: Set<Int>?

        public init(id: Int, name: String, observers: Set<Int>? = nil) {
            self.id = id
            self.name = name
            self.observers = observers
        }
    }

    public struct KBCategory: Equatable, Sendable {
        public var path: [String]
        /// Earlier names of the last path element: a live category there is renamed in place.
        public var previousNames: [String]
        public var protect: Bool
        public var absent: Bool

        public init(path: [String], previousNames: [String] = [], protect: Bool = false, absent: Bool = false) {
            self.path = path
            self.previousNames = previousNames
            self.protect = protect
            self.absent = absent
        }
    }

    public struct CustomField: Equatable, Sendable {
        public var uid: Int
        public var label: String
        /// List-type options, key → value; nil when unmanaged.
        public var options: [ListOption]?
        /// Tree-type options; nil when unmanaged.
        public var tree: [TreeOption]?

        public init(uid: Int, label: String, options: [ListOption]? = nil, tree: [TreeOption]? = nil) {
            self.uid = uid
            self.label = label
            self.options = options
            self.tree = tree
        }
    }

    public struct TreeOption: Equatable, Sendable {
        public var name: String
        /// The identity when set; else the name path.
        public var key: String?
        public var children: [TreeOption]

        public init(name: String, key: String? = nil, children: [TreeOption] = []) {
            self.name = name
            self.key = key
            self.children = children
        }
    }
}
