/// Paths read one over another, as an environment's `paths` are: a later path may declare an object
/// again, and then the keys it sets replace the earlier ones (a relation as a whole list, `children`
/// as a whole tree); `absent: true` there removes the earlier declaration, so that the environment
/// leaves the object alone. Values keep the positions of the file that set them.
struct EstateOverlay {
    private(set) var estate = DeclaredEstate()
    private(set) var diagnostics: [Diagnostic] = []
    private var policies: [(policy: Policy, location: SourceLocation)] = []
    /// Whether a layer was laid already: the first one declares, every later one overlays.
    private var layers = 0

    /// The merged policy: `prune` and `ignore` lists merge; a later path's `max_deletes` replaces an earlier one.
    var policy: Policy {
        var merged = Policy()
        for (policy, _) in policies {
            for kind in policy.prune where !merged.prune.contains(where: { $0.value == kind.value }) { merged.prune.append(kind) }
            merged.ignore += policy.ignore
            if let maxDeletes = policy.maxDeletes { merged.maxDeletes = maxDeletes }
        }
        return merged
    }

    /// Lays what one path declares (its files already merged) over the paths before it.
    mutating func lay(_ layer: FileContribution, policy: Policy, at location: SourceLocation) {
        defer { layers += 1 }
        policies.append((policy, location))
        let keys = layer.keys
        var estate = self.estate
        var diagnostics = self.diagnostics
        defer { (self.estate, self.diagnostics) = (estate, diagnostics) }
        let first = layers == 0
        Self.overlay(
            &estate.companies, layer.estate.companies, keys["companies"], kind: "company", identity: \.name,
            first: first, diagnostics: &diagnostics
        ) { base, over, set in
            for key in set {
                switch key {
                case "external_id": base.externalID = over.externalID
                case "previous_names": base.previousNames = over.previousNames
                case "groups": base.groups = over.groups
                case "members": base.members = over.members
                case "observers": base.observers = over.observers
                case "protect": base.protect = over.protect
                case "absent": base.absent = over.absent
                default: break
                }
            }
        }
        Self.overlay(
            &estate.groups, layer.estate.groups, keys["groups"], kind: "group", identity: \.name,
            first: first, diagnostics: &diagnostics
        ) { base, over, set in
            for key in set {
                switch key {
                case "previous_names": base.previousNames = over.previousNames
                case "members": base.members = over.members
                case "observers": base.observers = over.observers
                case "protect": base.protect = over.protect
                case "absent": base.absent = over.absent
                default: break
                }
            }
        }
        Self.overlay(
            &estate.locations, layer.estate.locations, keys["locations"], kind: "location", identity: \.name,
            first: first, diagnostics: &diagnostics
        ) { base, over, set in
            for key in set {
                switch key {
                case "previous_names": base.previousNames = over.previousNames
                case "members": base.members = over.members
                case "observers": base.observers = over.observers
                case "children": base.children = over.children
                case "protect": base.protect = over.protect
                case "absent": base.absent = over.absent
                default: break
                }
            }
        }
        Self.overlay(
            &estate.helpDesks, layer.estate.helpDesks, keys["helpdesks"], kind: "help desk", identity: \.name,
            first: first, diagnostics: &diagnostics
        ) { base, over, set in
            for key in set {
                switch key {
                case "observers": base.observers = over.observers
                case "levels": base.levels = over.levels
                default: break
                }
            }
        }
        Self.overlay(
            &estate.kbCategories, layer.estate.kbCategories, keys["kb_categories"], kind: "KB category", identity: \.name,
            first: first, diagnostics: &diagnostics
        ) { base, over, set in
            for key in set {
                switch key {
                case "previous_names": base.previousNames = over.previousNames
                case "children": base.children = over.children
                case "protect": base.protect = over.protect
                case "absent": base.absent = over.absent
                default: break
                }
            }
        }
        Self.overlay(
            &estate.customFields, layer.estate.customFields, keys["custom_fields"], kind: "custom field", identity: \.field,
            first: first, diagnostics: &diagnostics
        ) { base, over, set in
            for key in set {
                switch key {
                case "options": base.options = over.options
                case "tree": base.tree = over.tree
                default: break
                }
            }
        }
    }

    /// Lays `layer`'s objects of one kind over `base`. An object a path declares twice is kept twice,
    /// for the duplicate check to report as in any single path.
    private static func overlay<Object: OverlaidObject>(
        _ base: inout [Object], _ layer: [Object], _ keys: [Set<String>]?, kind: String,
        identity: KeyPath<Object, String>, first isFirstLayer: Bool, diagnostics: inout [Diagnostic],
        merge: (inout Object, Object, Set<String>) -> Void
    ) {
        guard !isFirstLayer else {
            base += layer
            return
        }
        var declaredHere: Set<String> = []
        for (index, object) in layer.enumerated() {
            let name = object[keyPath: identity]
            let set = keys.flatMap { index < $0.count ? $0[index] : nil } ?? []
            let first = declaredHere.insert(name).inserted
            guard first, let earlier = base.firstIndex(where: { $0[keyPath: identity] == name }) else {
                if first, object.isAbsent {
                    diagnostics.append(
                        .error(
                            at: object.position, "\(kind) '\(name)' is 'absent: true' here, but no earlier path declares it",
                            hint: Suggestion.didYouMean(name, among: base.map { $0[keyPath: identity] })
                                ?? "'absent: true' in a later path removes what an earlier path declares; to delete it from the instance, declare it absent in the first path"
                        ))
                    continue
                }
                base.append(object)
                continue
            }
            if object.isAbsent {
                base.remove(at: earlier)
            } else {
                merge(&base[earlier], object, set)
            }
        }
    }
}

/// What the overlay needs of every kind of declared object.
protocol OverlaidObject {
    var position: SourceLocation { get }
    /// Declared `absent: true` (kinds without `absent` never are).
    var isAbsent: Bool { get }
}

extension DeclaredCompany: OverlaidObject { var isAbsent: Bool { absent } }
extension DeclaredGroup: OverlaidObject { var isAbsent: Bool { absent } }
extension DeclaredLocation: OverlaidObject { var isAbsent: Bool { absent } }
extension DeclaredKBCategory: OverlaidObject { var isAbsent: Bool { absent } }
extension DeclaredHelpDesk: OverlaidObject { var isAbsent: Bool { false } }
extension DeclaredCustomField: OverlaidObject { var isAbsent: Bool { false } }
