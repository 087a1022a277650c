import EstateModel

/// Paths read one over another, as an environment's `paths` are: a later path may declare an object
/// again, and then the keys it sets replace the earlier ones (a relation as a whole list, `children`
/// as a whole tree); `absent: true` there removes the earlier declaration, so that the environment
/// leaves the object alone. Values keep the positions of the file that set them.
struct EstateOverlay {
    private(set) var estate = DeclaredEstate()
    private(set) var diagnostics: [Diagnostic] = []
    /// Each layer's policy, in the order laid: the first layer declares, every later one overlays.
    private var policies: [Policy] = []

    /// The merged policy: `prune` and `ignore` lists merge; a later path's `max_deletes` replaces an earlier one.
    var policy: Policy {
        var merged = Policy()
        for policy in policies {
            for kind in policy.prune where !merged.prune.contains(where: { $0.value == kind.value }) { merged.prune.append(kind) }
            merged.ignore += policy.ignore
            if let maxDeletes = policy.maxDeletes { merged.maxDeletes = maxDeletes }
            if let invite = policy.inviteUsers { merged.inviteUsers = invite }
        }
        return merged
    }

    /// Lays what one path declares (its files already merged) over the paths before it.
    mutating func lay(_ layer: FileContribution, policy: Policy) {
        let first = policies.isEmpty
        policies.append(policy)
        let keys = layer.keys
        var estate = self.estate
        var diagnostics = self.diagnostics
        defer { (self.estate, self.diagnostics) = (estate, diagnostics) }
        func overlay<Object: OverlaidObject>(_ base: inout [Object], _ layer: [Object], _ kind: (key: String, noun: String)) {
            Self.overlay(&base, layer, keys[kind.key], kind: kind.noun, first: first, diagnostics: &diagnostics)
        }
        overlay(&estate.companies, layer.estate.companies, ("companies", "company"))
        overlay(&estate.groups, layer.estate.groups, ("groups", "group"))
        overlay(&estate.locations, layer.estate.locations, ("locations", "location"))
        overlay(&estate.helpDesks, layer.estate.helpDesks, ("helpdesks", "help desk"))
        overlay(&estate.kbCategories, layer.estate.kbCategories, ("kb_categories", "KB category"))
        overlay(&estate.customFields, layer.estate.customFields, ("custom_fields", "custom field"))
        overlay(&estate.users, layer.estate.users, ("users", "user"))
    }

    /// Lays `layer`'s objects of one kind over `base`. An object a path declares twice is kept twice,
    /// for the duplicate check to report as in any single path.
    private static func overlay<Object: OverlaidObject>(
        _ base: inout [Object], _ layer: [Object], _ keys: [Set<String>]?, kind: String, first isFirstLayer: Bool,
        diagnostics: inout [Diagnostic]
    ) {
        guard !isFirstLayer else {
            base += layer
            return
        }
        var declaredHere: Set<String> = []
        for (index, object) in layer.enumerated() {
            let name = object.identity
            let set = keys.flatMap { index < $0.count ? $0[index] : nil } ?? []
            let first = declaredHere.insert(name).inserted
            guard first, let earlier = base.firstIndex(where: { $0.identity == name }) else {
                if first, object.isAbsent {
                    diagnostics.append(
                        .error(
                            at: object.position, "\(kind) '\(name)' is 'absent: true' here, but no earlier path declares it",
                            hint: Suggestion.didYouMean(name, among: base.map(\.identity))
                                ?? "'absent: true' in a later path removes what an earlier path declares; to delete it from the instance, declare it absent in the first path"
                        ))
                    continue
                }
                // A new object in a later path is fine; one a typo away from an earlier one most likely is not.
                if first, let close = Suggestion.closest(to: name, among: base.map(\.identity)) {
                    diagnostics.append(
                        .warning(
                            at: object.position,
                            "\(kind) '\(name)' is declared here and by no earlier path, so it is a new \(kind), not an overlay of '\(close)'",
                            hint: "did you mean '\(close)'? A later path overlays an object by writing its name exactly"))
                }
                base.append(object)
                continue
            }
            if object.isAbsent {
                base.remove(at: earlier)
            } else {
                for key in set { Object.keys[key]?.replace(&base[earlier], object) }
            }
        }
    }
}

/// What the overlay needs of every kind of declared object.
protocol OverlaidObject {
    var position: SourceLocation { get }
    /// What a later path declares it again by: its name (a custom field's label).
    var identity: String { get }
    /// Declared `absent: true` (kinds without `absent` never are).
    var isAbsent: Bool { get }
    /// Each key a later path may set, and how its value replaces the earlier one.
    static var keys: [String: OverlaidKey<Self>] { get }
}

/// One key of a declared object: a later path's value replaces the earlier one whole.
struct OverlaidKey<Object> {
    let replace: (inout Object, Object) -> Void

    init<Value>(_ path: WritableKeyPath<Object, Value>) {
        replace = { $0[keyPath: path] = $1[keyPath: path] }
    }
}

extension DeclaredCompany: OverlaidObject {
    var identity: String { name }
    var isAbsent: Bool { absent }
    static var keys: [String: OverlaidKey<Self>] {
        [
            "external_id": .init(\.externalID), "previous_names": .init(\.previousNames), "groups": .init(\.groups),
            "members": .init(\.members), "observers": .init(\.observers), "protect": .init(\.protect), "absent": .init(\.absent),
        ]
    }
}

extension DeclaredGroup: OverlaidObject {
    var identity: String { name }
    var isAbsent: Bool { absent }
    static var keys: [String: OverlaidKey<Self>] {
        [
            "previous_names": .init(\.previousNames), "members": .init(\.members), "observers": .init(\.observers),
            "protect": .init(\.protect), "absent": .init(\.absent),
        ]
    }
}

extension DeclaredLocation: OverlaidObject {
    var identity: String { name }
    var isAbsent: Bool { absent }
    static var keys: [String: OverlaidKey<Self>] {
        [
            "previous_names": .init(\.previousNames), "members": .init(\.members), "observers": .init(\.observers),
            "children": .init(\.children), "protect": .init(\.protect), "absent": .init(\.absent),
        ]
    }
}

extension DeclaredHelpDesk: OverlaidObject {
    var identity: String { name }
    var isAbsent: Bool { false }
    static var keys: [String: OverlaidKey<Self>] { ["observers": .init(\.observers), "levels": .init(\.levels)] }
}

extension DeclaredKBCategory: OverlaidObject {
    var identity: String { name }
    var isAbsent: Bool { absent }
    static var keys: [String: OverlaidKey<Self>] {
        ["previous_names": .init(\.previousNames), "children": .init(\.children), "protect": .init(\.protect), "absent": .init(\.absent)]
    }
}

extension DeclaredCustomField: OverlaidObject {
    var identity: String { field }
    var isAbsent: Bool { false }
    static var keys: [String: OverlaidKey<Self>] { ["options": .init(\.options), "tree": .init(\.tree)] }
}

extension DeclaredUser: OverlaidObject {
    var identity: String { username }
    /// A user is never absent: `absent: true` on one is an error (deskform never deletes a person).
    var isAbsent: Bool { false }
    static var keys: [String: OverlaidKey<Self>] {
        var keys: [String: OverlaidKey<Self>] = [
            "email": .init(\.email), "name": .init(\.name), "lastname": .init(\.lastname), "manager": .init(\.manager),
            "disabled": .init(\.disabled), "groups": .init(\.groups), "companies": .init(\.companies),
            "locations": .init(\.locations), "previous_usernames": .init(\.previousUsernames),
        ]
        for attribute in UserAttribute.allCases { keys[attribute.rawValue] = .init(\.attributes[attribute]) }
        return keys
    }
}
