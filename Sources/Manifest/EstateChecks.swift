/// Checks across objects and files, once everything is merged: the same object declared twice, siblings
/// with the same name, previous names that collide, tree option keys used twice, references to
/// undeclared groups that look like typos.
struct EstateChecks {
    let estate: DesiredEstate
    var diagnostics: [Diagnostic] = []

    init(estate: DesiredEstate) {
        self.estate = estate
    }

    func run() -> [Diagnostic] {
        var checks = self
        checks.companies()
        checks.groups()
        checks.siblings(estate.locations, kind: "location", parent: [])
        checks.helpDesks()
        checks.categories(estate.kbCategories, parent: [])
        checks.customFields()
        return checks.diagnostics
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
        unique(companies, key: \.name, location: \.location, what: { "company '\($0.name)'" })
        unique(companies, key: { $0.externalID?.value }, location: { $0.externalID!.location },
               what: { "external_id '\($0.externalID!.value)'" })
        var names: [String: SourceLocation] = [:]
        for company in companies where names[company.name] == nil { names[company.name] = company.location }
        previousNames(companies.map { ($0.name, $0.previousNames) }, declared: names, kind: "company")

        let groupNames = Set(estate.groups.map(\.name))
        for company in companies {
            for group in company.groups ?? [] where !groupNames.contains(group.value) {
                guard let close = Suggestion.closest(to: group.value, among: estate.groups.map(\.name)) else { continue }
                diagnostics.append(.warning(
                    at: group.location, "group '\(group.value)' is not declared in the manifests",
                    hint: "did you mean '\(close)'? (an undeclared group must already exist on the instance)"))
            }
        }
    }

    /// A previous name must not be the name of another declared object of the same kind (and parent), nor
    /// be claimed by two objects, nor be the object's own name.
    mutating func previousNames(_ objects: [(name: String, previous: [Located<String>])], declared: [String: SourceLocation], kind: String) {
        var claimed: [String: (owner: String, location: SourceLocation)] = [:]
        for (name, previous) in objects {
            for earlier in previous {
                if earlier.value == name {
                    diagnostics.append(.error(at: earlier.location, "\(kind) '\(name)' lists its own name in 'previous_names'",
                                              hint: "previous names are names it had before a rename"))
                } else if let other = declared[earlier.value] {
                    diagnostics.append(.error(
                        at: earlier.location, "previous name '\(earlier.value)' of \(kind) '\(name)' is the name of another declared \(kind)",
                        hint: "'\(earlier.value)' is declared at \(other.reference(from: earlier.location)); a rename cannot keep both"))
                } else if let owner = claimed[earlier.value] {
                    diagnostics.append(.error(
                        at: earlier.location, "previous name '\(earlier.value)' is claimed by both \(kind) '\(owner.owner)' and '\(name)'",
                        hint: "first claimed at \(owner.location.reference(from: earlier.location))"))
                } else {
                    claimed[earlier.value] = (name, earlier.location)
                }
            }
        }
    }

    mutating func groups() {
        unique(estate.groups, key: \.name, location: \.location, what: { "group '\($0.name)'" })
        var names: [String: SourceLocation] = [:]
        for group in estate.groups where names[group.name] == nil { names[group.name] = group.location }
        previousNames(estate.groups.map { ($0.name, $0.previousNames) }, declared: names, kind: "group")
    }

    mutating func siblings(_ nodes: [DesiredLocation], kind: String, parent: [String]) {
        unique(nodes, key: \.name, location: \.location, what: { "\(kind) '\((parent + [$0.name]).joined(separator: "/"))'" })
        var names: [String: SourceLocation] = [:]
        for node in nodes where names[node.name] == nil { names[node.name] = node.location }
        previousNames(nodes.map { ($0.name, $0.previousNames) }, declared: names, kind: kind)
        for node in nodes { siblings(node.children, kind: kind, parent: parent + [node.name]) }
    }

    mutating func categories(_ nodes: [DesiredKBCategory], parent: [String]) {
        unique(nodes, key: \.name, location: \.location, what: { "KB category '\((parent + [$0.name]).joined(separator: "/"))'" })
        var names: [String: SourceLocation] = [:]
        for node in nodes where names[node.name] == nil { names[node.name] = node.location }
        previousNames(nodes.map { ($0.name, $0.previousNames) }, declared: names, kind: "KB category")
        for node in nodes { categories(node.children, parent: parent + [node.name]) }
    }

    mutating func helpDesks() {
        unique(estate.helpDesks, key: \.name, location: \.location, what: { "help desk '\($0.name)'" })
        for desk in estate.helpDesks {
            unique(desk.levels, key: { "\($0.selector)" }, location: \.location,
                   what: { "level \($0.selector) of help desk '\(desk.name)'" })
        }
    }

    mutating func customFields() {
        unique(estate.customFields, key: \.field, location: \.location, what: { "custom field '\($0.field)'" })
        for field in estate.customFields {
            guard let tree = field.tree else { continue }
            let before = diagnostics.count
            treeSiblings(tree, field: field.field, parent: [])
            // A repeated sibling is reported once, as declared twice, not again for its key.
            let repeatedSiblings = Set(diagnostics[before...].map(\.location))
            var keys: [String: SourceLocation] = [:]
            treeKeys(tree, field: field.field, skipping: repeatedSiblings, seen: &keys)
        }
    }

    mutating func treeSiblings(_ nodes: [DesiredTreeOption], field: String, parent: [String]) {
        unique(nodes, key: \.name, location: \.location,
               what: { "tree option '\((parent + [$0.name]).joined(separator: "/"))' of field '\(field)'" })
        for node in nodes { treeSiblings(node.children, field: field, parent: parent + [node.name]) }
    }

    mutating func treeKeys(
        _ nodes: [DesiredTreeOption], field: String, skipping: Set<SourceLocation>, seen: inout [String: SourceLocation]
    ) {
        for node in nodes {
            if let key = node.key, !skipping.contains(node.location) {
                if let first = seen[key.value] {
                    diagnostics.append(.error(at: key.location, "tree option key '\(key.value)' is used twice in field '\(field)'",
                                              hint: "first used at \(first.reference(from: key.location)); keys identify options within a field"))
                } else {
                    seen[key.value] = key.location
                }
            }
            treeKeys(node.children, field: field, skipping: skipping, seen: &seen)
        }
    }
}
