import EstateModel

/// Checks across objects and files, once everything is merged: the same object declared twice, siblings
/// with the same name, previous names that collide, tree option keys used twice, companies relating to
/// groups declared absent or renamed, references to undeclared groups that look like typos.
struct EstateChecks {
    let estate: DeclaredEstate
    var diagnostics: [Diagnostic] = []

    init(estate: DeclaredEstate) {
        self.estate = estate
    }

    func run() -> [Diagnostic] {
        var checks = self
        checks.companies()
        checks.groups()
        checks.tree(estate.locations, kind: "location", previousPath: Self.previousLocationPath)
        checks.helpDesks()
        checks.tree(estate.kbCategories, kind: "KB category", previousPath: Self.previousKBCategoryPath)
        checks.customFields()
        checks.users()
        checks.ignored()
        return checks.diagnostics
    }

    /// `policy.ignore` is a promise: nothing it matches is written, so no declared object (present or
    /// absent), and no previous name of one, may match it. Companies, groups and help desks by name,
    /// locations and KB categories by path, as the planner matches live objects.
    mutating func ignored() {
        let patterns = estate.policy.ignore.map { (pattern: $0, glob: GlobPattern($0.value)) }
        guard !patterns.isEmpty else { return }
        func check(_ kind: String, _ identity: String, at position: SourceLocation, absent: Bool, previous: [(Located<String>, String)]) {
            if let match = patterns.first(where: { $0.glob.matches(identity) })?.pattern {
                let what = absent ? "\(kind) '\(identity)' is declared absent, but it" : "\(kind) '\(identity)'"
                diagnostics.append(
                    .error(
                        at: position, "\(what) matches policy.ignore '\(match.value)', and deskform never touches an ignored object",
                        hint: "remove it from the manifests to leave it alone, or change the pattern at "
                            + "\(match.position.reference(from: position)) to manage it"))
            }
            for (written, earlier) in previous {
                guard let match = patterns.first(where: { $0.glob.matches(earlier) })?.pattern else { continue }
                diagnostics.append(
                    .error(
                        at: written.position,
                        "previous name '\(written.value)' of \(kind) '\(identity)' matches policy.ignore '\(match.value)', "
                            + "and a rename would touch an ignored object",
                        hint: "remove it from 'previous_names', or change the pattern at \(match.position.reference(from: written.position))"))
            }
        }
        for company in estate.companies {
            check("company", company.name, at: company.position, absent: company.absent, previous: company.previousNames.map { ($0, $0.value) })
        }
        for group in estate.groups {
            check("group", group.name, at: group.position, absent: group.absent, previous: group.previousNames.map { ($0, $0.value) })
        }
        for desk in estate.helpDesks { check("help desk", desk.name, at: desk.position, absent: false, previous: []) }
        func walk<Node: DeclaredNode>(_ nodes: [Node], kind: String, parent: [String], previous: (Located<String>, [String]) -> [String]) {
            for node in nodes {
                let path = parent + [node.name]
                check(
                    kind, path.joined(separator: "/"), at: node.position, absent: node.absent,
                    previous: node.previousNames.map { ($0, previous($0, parent).joined(separator: "/")) })
                walk(node.children, kind: kind, parent: path, previous: previous)
            }
        }
        walk(estate.locations, kind: "location", parent: [], previous: Self.previousLocationPath)
        walk(estate.kbCategories, kind: "KB category", parent: [], previous: Self.previousKBCategoryPath)
    }

    /// The path a location's previous name stands for, below its parent's path: an earlier name under
    /// the same parent (locations cannot move).
    static func previousLocationPath(_ previous: Located<String>, parent: [String]) -> [String] { parent + [previous.value] }

    /// The path a KB category's previous name stands for: an earlier name under the same parent, or an
    /// earlier path ("Old/Network") from which it is moved.
    static func previousKBCategoryPath(_ previous: Located<String>, parent: [String]) -> [String] {
        previous.value.contains("/") ? previous.value.split(separator: "/").map(String.init) : parent + [previous.value]
    }

    /// Reports a second declaration, naming the first: "company 'Acme' is declared twice".
    mutating func twice(_ what: String, at location: SourceLocation, first: SourceLocation) {
        diagnostics.append(.error(at: location, "\(what) is declared twice", hint: "first declared at \(first.reference(from: location))"))
    }

    /// Keeps the first of each key and reports every later one.
    mutating func unique<T>(_ items: [T], key: (T) -> String?, location: (T) -> SourceLocation, what: (T) -> String) {
        var first: [String: SourceLocation] = [:]
        for item in items {
            guard let key = key(item) else { continue }
            if let earlier = first[key] {
                twice(what(item), at: location(item), first: earlier)
            } else {
                first[key] = location(item)
            }
        }
    }

    mutating func companies() {
        let companies = estate.companies
        unique(companies, key: \.name, location: \.position, what: { "company '\($0.name)'" })
        unique(
            companies, key: { $0.externalID?.value }, location: { $0.externalID!.position },
            what: { "external_id '\($0.externalID!.value)'" })
        previousNames(
            companies.map { Renamable($0.name, previous: $0.previousNames) },
            declared: declarations(companies.map { ($0.name, $0.position, $0.absent) }), kind: "company")
        let groups = GroupIndex(estate.groups)
        for company in companies {
            for group in company.groups ?? [] { groupReference(group, groups) }
        }
    }

    /// The declared groups by name, and by each of their previous names (the first of each).
    struct GroupIndex {
        var byName: [String: DeclaredGroup] = [:]
        var byPreviousName: [String: (group: DeclaredGroup, at: SourceLocation)] = [:]
        /// Names a typo may have meant: the groups not declared absent.
        var present: [String]

        init(_ groups: [DeclaredGroup]) {
            present = groups.filter { !$0.absent }.map(\.name)
            for group in groups {
                if byName[group.name] == nil { byName[group.name] = group }
                for earlier in group.previousNames where byPreviousName[earlier.value] == nil {
                    byPreviousName[earlier.value] = (group, earlier.position)
                }
            }
        }
    }

    /// A company's `groups` may name a group declared in the manifests (and not absent), or one that
    /// must already exist on the instance; never a group's previous name, which the rename replaces.
    mutating func groupReference(_ reference: Located<String>, _ groups: GroupIndex) {
        if let declared = groups.byName[reference.value] {
            guard declared.absent else { return }
            diagnostics.append(
                .error(
                    at: reference.position, "group '\(reference.value)' is declared absent, so no company can relate to it",
                    hint: "declared absent at \(declared.position.reference(from: reference.position)); remove it from 'groups'"))
        } else if let renamed = groups.byPreviousName[reference.value] {
            diagnostics.append(
                .error(
                    at: reference.position, "group '\(reference.value)' was renamed to '\(renamed.group.name)'",
                    hint: "write '\(renamed.group.name)' (the rename is declared at \(renamed.at.reference(from: reference.position)))"))
        } else if let close = Suggestion.closest(to: reference.value, among: groups.present) {
            diagnostics.append(
                .warning(
                    at: reference.position, "group '\(reference.value)' is not declared in the manifests",
                    hint: "did you mean '\(close)'? (an undeclared group must already exist on the instance)"))
        }
    }

    /// An object that may list previous names: its identity (its name, or for a tree node its path),
    /// which messages name it by, and each previous name as written with the identity it stands for.
    struct Renamable {
        var identity: String
        var previous: [(written: Located<String>, identity: String)]

        /// A top-level object: identities are names.
        init(_ name: String, previous: [Located<String>]) {
            self.init(name, previous: previous.map { ($0, $0.value) })
        }

        init(_ identity: String, previous: [(written: Located<String>, identity: String)]) {
            self.identity = identity
            self.previous = previous
        }
    }

    /// Where an object is declared, and whether as `absent: true`.
    struct Declaration {
        var position: SourceLocation
        var absent: Bool
    }

    /// The first declaration of each identity.
    func declarations(_ objects: [(identity: String, location: SourceLocation, absent: Bool)]) -> [String: Declaration] {
        var declared: [String: Declaration] = [:]
        for object in objects where declared[object.identity] == nil {
            declared[object.identity] = Declaration(position: object.location, absent: object.absent)
        }
        return declared
    }

    /// A previous name must not be the object's own name, nor name another declared object of the same
    /// kind (a rename cannot keep both, nor rename what is declared absent), nor be claimed by two objects.
    mutating func previousNames(_ objects: [Renamable], declared: [String: Declaration], kind: String) {
        var claimed: [String: (owner: String, location: SourceLocation)] = [:]
        for object in objects {
            for (earlier, identity) in object.previous {
                let what = earlier.value.contains("/") ? "path" : "name"
                if identity == object.identity {
                    diagnostics.append(
                        .error(
                            at: earlier.position, "\(kind) '\(object.identity)' lists its own \(what) in 'previous_names'",
                            hint: "previous names are names it had before a rename"))
                } else if let other = declared[identity], other.absent {
                    diagnostics.append(
                        .error(
                            at: earlier.position,
                            "previous \(what) '\(earlier.value)' of \(kind) '\(object.identity)' is a \(kind) declared absent",
                            hint:
                                "declared absent at \(other.position.reference(from: earlier.position)); it cannot be both renamed and deleted"
                        ))
                } else if let other = declared[identity] {
                    diagnostics.append(
                        .error(
                            at: earlier.position,
                            "previous \(what) '\(earlier.value)' of \(kind) '\(object.identity)' is the \(what) of another declared \(kind)",
                            hint:
                                "'\(earlier.value)' is declared at \(other.position.reference(from: earlier.position)); a rename cannot keep both"
                        ))
                } else if let owner = claimed[identity] {
                    diagnostics.append(
                        .error(
                            at: earlier.position,
                            "previous \(what) '\(earlier.value)' is claimed by both \(kind) '\(owner.owner)' and '\(object.identity)'",
                            hint: "first claimed at \(owner.location.reference(from: earlier.position))"))
                } else {
                    claimed[identity] = (object.identity, earlier.position)
                }
            }
        }
    }

    mutating func groups() {
        unique(estate.groups, key: \.name, location: \.position, what: { "group '\($0.name)'" })
        previousNames(
            estate.groups.map { Renamable($0.name, previous: $0.previousNames) },
            declared: declarations(estate.groups.map { ($0.name, $0.position, $0.absent) }), kind: "group")
    }

    /// Siblings have different names; previous names are checked across the whole tree, by path:
    /// `previousPath` gives the path a previous name stands for, from the path of the node's parent.
    mutating func tree<Node: DeclaredNode>(_ roots: [Node], kind: String, previousPath: (Located<String>, [String]) -> [String]) {
        var nodes: [(node: Node, path: [String])] = []
        func walk(_ siblings: [Node], parent: [String]) {
            unique(siblings, key: \.name, location: \.position, what: { "\(kind) '\((parent + [$0.name]).joined(separator: "/"))'" })
            for node in siblings {
                nodes.append((node, parent + [node.name]))
                walk(node.children, parent: parent + [node.name])
            }
        }
        walk(roots, parent: [])
        previousNames(
            nodes.map { node, path in
                let identity = path.joined(separator: "/")
                return Renamable(
                    identity,
                    previous: node.previousNames.map {
                        ($0, previousPath($0, Array(path.dropLast())).joined(separator: "/"))
                    })
            }, declared: declarations(nodes.map { ($0.path.joined(separator: "/"), $0.node.position, $0.node.absent) }), kind: kind)
    }

    mutating func helpDesks() {
        unique(estate.helpDesks, key: \.name, location: \.position, what: { "help desk '\($0.name)'" })
        for desk in estate.helpDesks {
            unique(
                desk.levels, key: { "\($0.selector)" }, location: \.position,
                what: { "level \($0.selector) of help desk '\(desk.name)'" })
        }
    }

    mutating func customFields() {
        unique(estate.customFields, key: \.field, location: \.position, what: { "custom field '\($0.field)'" })
        for field in estate.customFields {
            guard let tree = field.tree else { continue }
            let before = diagnostics.count
            treeSiblings(tree, field: field.field, parent: [])
            // A repeated sibling is reported once, as declared twice, not again for its key.
            let repeatedSiblings = Set(diagnostics[before...].map(\.position))
            var keys: [String: SourceLocation] = [:]
            treeKeys(tree, field: field.field, skipping: repeatedSiblings, seen: &keys)
        }
    }

    mutating func treeSiblings(_ nodes: [DeclaredTreeOption], field: String, parent: [String]) {
        unique(
            nodes, key: \.name, location: \.position,
            what: { "tree option '\((parent + [$0.name]).joined(separator: "/"))' of field '\(field)'" })
        for node in nodes { treeSiblings(node.children, field: field, parent: parent + [node.name]) }
    }

    mutating func treeKeys(
        _ nodes: [DeclaredTreeOption], field: String, skipping: Set<SourceLocation>, seen: inout [String: SourceLocation]
    ) {
        for node in nodes {
            if let key = node.key, !skipping.contains(node.position) {
                if let first = seen[key.value] {
                    diagnostics.append(
                        .error(
                            at: key.position, "tree option key '\(key.value)' is used twice in field '\(field)'",
                            hint: "first used at \(first.reference(from: key.position)); keys identify options within a field"))
                } else {
                    seen[key.value] = key.position
                }
            }
            treeKeys(node.children, field: field, skipping: skipping, seen: &seen)
        }
    }
}

/// A node of a declared tree (locations, KB categories), for the checks both trees share.
protocol DeclaredNode {
    var name: String { get }
    var position: SourceLocation { get }
    var previousNames: [Located<String>] { get }
    var children: [Self] { get }
    var absent: Bool { get }
}

extension DeclaredLocation: DeclaredNode {}
extension DeclaredKBCategory: DeclaredNode {}
