import EstateModel

/// What the manifests ask for, with users resolved to ids. A relation that is nil is unmanaged;
/// an empty one is managed and empty.
package struct DesiredState: Equatable, Sendable {
    package var companies: [Company]
    package var groups: [Group]
    /// Every declared location, parents before children.
    package var locations: [Location]
    package var helpdesks: [HelpDesk]
    /// Every declared KB category, parents before children.
    package var kbCategories: [KBCategory]
    package var customFields: [CustomField]
    /// Declared users, new ones in the order the plan creates them.
    package var users: [User]
    package var policy: Policy
    /// The reason a plan gives for deleting an object declared absent.
    package var absentReason = "absent: true"
    /// Objects outside the targets that targeted ones need in order to exist (``targeted(_:live:)``).
    package var pulledIn: [PulledIn] = []

    package init(
        companies: [Company] = [], groups: [Group] = [], locations: [Location] = [],
        helpdesks: [HelpDesk] = [], kbCategories: [KBCategory] = [],
        customFields: [CustomField] = [], users: [User] = [], policy: Policy = Policy()
    ) {
        self.companies = companies
        self.groups = groups
        self.locations = locations
        self.helpdesks = helpdesks
        self.kbCategories = kbCategories
        self.customFields = customFields
        self.users = users
        self.policy = policy
    }
}

extension DesiredState {
    /// `policy:` of the manifests.
    package struct Policy: Equatable, Sendable {
        package var prune: Set<ObjectKind>
        /// Globs (`*`, `?`, `[a-z]`, as ``GlobPattern`` reads them) matched against names and paths: such
        /// live objects are never touched.
        package var ignore: [String]
        package var maxDeletes: Int
        /// What `--target` and `--exclude` select: the prune never touches anything else.
        package var targeting: Targeting
        /// `policy.invite_users`: new users get the API's e-mail to set their password.
        package var inviteUsers: Bool

        package init(
            prune: Set<ObjectKind> = [], ignore: [String] = [], maxDeletes: Int = 10, targeting: Targeting = .everything,
            inviteUsers: Bool = false
        ) {
            self.prune = prune
            self.ignore = ignore
            self.maxDeletes = maxDeletes
            self.targeting = targeting
            self.inviteUsers = inviteUsers
        }

        /// Whether the prune must leave `address` alone: `policy.ignore` matches it, or it is not targeted.
        package func leavesAlone(_ address: Address) -> Bool {
            ignores(address.name) || !targeting.selects(address)
        }

        /// Whether `name` (or a path `A/B`) matches one of the `ignore` globs.
        package func ignores(_ name: String) -> Bool {
            ignorePattern(matching: name) != nil
        }

        /// The first `ignore` glob that matches `name`.
        package func ignorePattern(matching name: String) -> String? {
            ignore.first { GlobPattern($0).matches(name) }
        }
    }

    package struct Company: Equatable, Sendable {
        package var name: String
        /// Nil leaves it as it is; empty asks for none (only `undo` does: the manifests cannot).
        package var externalID: String?
        package var previousNames: [String]
        /// Names of related groups.
        package var groups: [String]?
        package var members: Set<Int>?
        package var observers: Set<Int>?
        package var protect: Bool
        package var absent: Bool

        package init(
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

        /// The external id that identifies it: a declared, non-empty one.
        var identity: String? { externalID.flatMap { $0.isEmpty ? nil : $0 } }
    }

    package struct Group: Equatable, Sendable {
        package var name: String
        package var previousNames: [String]
        package var members: Set<Int>?
        package var observers: Set<Int>?
        package var protect: Bool
        package var absent: Bool

        package init(
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

    package struct Location: Equatable, Sendable {
        /// Names from the root, e.g. `["Madrid", "Floor 2"]`.
        package var path: [String]
        package var previousNames: [String]
        package var members: Set<Int>?
        package var observers: Set<Int>?
        package var protect: Bool
        package var absent: Bool

        package init(
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
    package struct HelpDesk: Equatable, Sendable {
        package var id: Int
        package var name: String
        package var observers: Set<Int>?
        package var levels: [Level]

        package init(id: Int, name: String, observers: Set<Int>? = nil, levels: [Level] = []) {
            self.id = id
            self.name = name
            self.observers = observers
            self.levels = levels
        }
    }

    package struct Level: Equatable, Sendable {
        package var id: Int
        package var name: String
        package var observers: Set<Int>?

        package init(id: Int, name: String, observers: Set<Int>? = nil) {
            self.id = id
            self.name = name
            self.observers = observers
        }
    }

    package struct KBCategory: Equatable, Sendable {
        package var path: [String]
        /// Earlier paths of this category: a live category at one is renamed or moved in place.
        package var previousPaths: [[String]]
        package var protect: Bool
        package var absent: Bool

        package init(path: [String], previousPaths: [[String]] = [], protect: Bool = false, absent: Bool = false) {
            self.path = path
            self.previousPaths = previousPaths
            self.protect = protect
            self.absent = absent
        }

        /// With `previous_names` as the manifests write them: a name is an earlier name under the same
        /// parent, a path `Old/Name` an earlier place.
        package init(path: [String], previousNames: [String], protect: Bool = false, absent: Bool = false) {
            let previousPaths = previousNames.map { name in
                name.contains("/") ? name.split(separator: "/").map(String.init) : Array(path.dropLast()) + [name]
            }
            self.init(path: path, previousPaths: previousPaths, protect: protect, absent: absent)
        }
    }

    package struct CustomField: Equatable, Sendable {
        package var uid: Int
        package var label: String
        /// List-type options, key → value; nil when unmanaged.
        package var options: [ListOption]?
        /// Tree-type options; nil when unmanaged.
        package var tree: [TreeOption]?

        package init(uid: Int, label: String, options: [ListOption]? = nil, tree: [TreeOption]? = nil) {
            self.uid = uid
            self.label = label
            self.options = options
            self.tree = tree
        }
    }

    package struct TreeOption: Equatable, Sendable {
        package var name: String
        /// The identity when set; else the name path.
        package var key: String?
        package var children: [TreeOption]

        package init(name: String, key: String? = nil, children: [TreeOption] = []) {
            self.name = name
            self.key = key
            self.children = children
        }
    }
}

extension DesiredState {
    /// Every address `protect: true` guards, as live objects are named before the plan runs: a node
    /// under an ancestor renamed or moved is guarded at the ancestor's previous path too.
    package var protectedAddresses: Set<Address> {
        var protected = Set(companies.filter(\.protect).map { Address(.company, $0.name) })
        protected.formUnion(groups.filter(\.protect).map { Address(.group, $0.name) })
        // A protected node is live under an ancestor's previous path until the rename or move.
        func paths(_ path: [String], previous: [[String]: [[String]]]) -> [[String]] {
            var paths = [path]
            for depth in 1..<max(path.count, 1) {
                for earlier in previous[Array(path.prefix(depth))] ?? [] {
                    paths.append(earlier + Array(path.dropFirst(depth)))
                }
            }
            return paths
        }
        let locationPaths = Dictionary(
            locations.map { location in (location.path, location.previousNames.map { Array(location.path.dropLast()) + [$0] }) },
            uniquingKeysWith: { first, _ in first })
        for location in locations where location.protect {
            protected.formUnion(paths(location.path, previous: locationPaths).map { Address(.location, $0.joined(separator: "/")) })
        }
        let categoryPaths = Dictionary(kbCategories.map { ($0.path, $0.previousPaths) }, uniquingKeysWith: { first, _ in first })
        for category in kbCategories where category.protect {
            protected.formUnion(paths(category.path, previous: categoryPaths).map { Address(.kbCategory, $0.joined(separator: "/")) })
        }
        return protected
    }
}
