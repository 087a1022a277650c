import EstateModel
import Manifest
import Planner

/// The manifests that reproduce a live estate (`deskform export`): every object of the kinds asked
/// for, with all its relations written out (`[]` where empty, so the exported state is authoritative).
/// What the format cannot express without planning differently (two groups with one name, a member the
/// instance does not list) is left out and explained in ``warnings``; nothing is ever written that
/// would plan a change against the estate it was exported from.
package struct EstateExport: Sendable {
    package var manifest: DeclaredEstate
    /// One line per object or relation left out, with why.
    package var warnings: [String]

    package init(_ estate: Estate, kinds: Set<ObjectKind> = Set(ObjectKind.allCases)) {
        var builder = Builder(estate: estate)
        if kinds.contains(.companies) { builder.manifest.companies = builder.companies() }
        if kinds.contains(.groups) { builder.manifest.groups = builder.groups() }
        if kinds.contains(.locations) { builder.manifest.locations = builder.locations() }
        if kinds.contains(.helpdesks) { builder.manifest.helpDesks = builder.helpDesks() }
        if kinds.contains(.kbCategories) { builder.manifest.kbCategories = builder.kbCategories() }
        if kinds.contains(.customFields) { builder.manifest.customFields = builder.customFields() }
        if kinds.contains(.users) { builder.manifest.users = builder.accounts() }
        manifest = builder.manifest
        warnings = builder.warnings
    }

    /// Builds the manifest kind by kind, collecting warnings.
    struct Builder {
        let estate: Estate
        let users: UserNames
        var manifest = DeclaredEstate()
        var warnings: [String] = []

        init(estate: Estate) {
            self.estate = estate
            self.users = UserNames(estate.users)
        }

        /// The users of one relation, or nil (and a warning) when one of them cannot be written.
        mutating func relation(_ ids: Set<Int>, _ relation: String, of object: String) -> [UserReference]? {
            var missing: [Int] = []
            guard let references = users.references(ids, missing: &missing) else {
                let deleted = missing.filter(users.deleted.contains)
                let unknown = missing.filter { !users.deleted.contains($0) }
                var reasons: [String] = []
                if !unknown.isEmpty {
                    reasons.append(
                        "user id\(unknown.count == 1 ? "" : "s") \(Self.list(unknown)) \(unknown.count == 1 ? "is" : "are") not among the instance's users")
                }
                if !deleted.isEmpty {
                    reasons.append(
                        "user id\(deleted.count == 1 ? "" : "s") \(Self.list(deleted)) \(deleted.count == 1 ? "is" : "are") deleted in the instance")
                }
                warnings.append("\(object): '\(relation)' left out (unmanaged): \(reasons.joined(separator: "; "))")
                return nil
            }
            return references
        }

        static func list(_ ids: [Int]) -> String { ids.sorted().map(String.init).joined(separator: ", ") }

        /// Live objects by name, split into the uniquely named (sorted by name) and the rest (warned about).
        mutating func uniquelyNamed<T>(_ objects: some Sequence<T>, name: (T) -> String, id: (T) -> Int, what: String) -> [T] {
            var byName: [String: [T]] = [:]
            for object in objects { byName[name(object), default: []].append(object) }
            var kept: [T] = []
            for key in byName.keys.sorted() {
                let named = byName[key]!
                if !NameRules.isWritableName(key) {
                    warnings.append(
                        "\(what) \(Self.quoted(key)) (id\(named.count == 1 ? "" : "s") \(Self.list(named.map(id)))) skipped: the name cannot be written in a manifest"
                    )
                } else if named.count > 1 {
                    warnings.append(
                        "\(named.count) \(what)s are named '\(key)' (ids \(Self.list(named.map(id)))) skipped: a name must be unique to be managed"
                    )
                } else {
                    kept.append(named[0])
                }
            }
            return kept
        }

        static func quoted(_ text: String) -> String { "\"\(text.unicodeScalars.map { $0.escaped(asASCII: false) }.joined())\"" }

        // MARK: Groups and companies

        /// Names of live groups that are unique and writable: only those can be referenced.
        var referableGroups: [Int: String] {
            var count: [String: Int] = [:]
            for group in estate.groups.values { count[group.name, default: 0] += 1 }
            var names: [Int: String] = [:]
            for group in estate.groups.values where count[group.name] == 1 && NameRules.isWritableName(group.name) {
                names[group.id] = group.name
            }
            return names
        }

        mutating func groups() -> [DeclaredGroup] {
            uniquelyNamed(estate.groups.values, name: \.name, id: \.id, what: "group").map { group in
                let object = "group '\(group.name)'"
                return DeclaredGroup(
                    name: group.name, members: relation(group.members, "members", of: object),
                    observers: relation(group.observers, "observers", of: object))
            }
        }

        mutating func companies() -> [DeclaredCompany] {
            var externalIDCount: [String: Int] = [:]
            for company in estate.companies.values {
                if let externalID = company.externalID { externalIDCount[externalID, default: 0] += 1 }
            }
            func usableExternalID(_ company: Company) -> String? {
                guard let externalID = company.externalID, externalIDCount[externalID] == 1,
                    NameRules.isWritableName(externalID)
                else { return nil }
                return externalID
            }
            var byName: [String: [Company]] = [:]
            for company in estate.companies.values { byName[company.name, default: []].append(company) }
            let groupNames = referableGroups
            var companies: [DeclaredCompany] = []
            for name in byName.keys.sorted() {
                let named = byName[name]!.sorted { $0.id < $1.id }
                guard NameRules.isWritableName(name) else {
                    warnings.append(
                        "company \(Self.quoted(name)) (ids \(Self.list(named.map(\.id)))) skipped: the name cannot be written in a manifest"
                    )
                    continue
                }
                var company = named[0]
                if named.count > 1 {
                    // The format declares a name once; an external_id still tells one of them apart.
                    let identified = named.filter { usableExternalID($0) != nil }.sorted { usableExternalID($0)! < usableExternalID($1)! }
                    guard let first = identified.first else {
                        warnings.append(
                            "\(named.count) companies are named '\(name)' (ids \(Self.list(named.map(\.id)))) skipped: none has an external_id to tell it apart"
                        )
                        continue
                    }
                    company = first
                    let skipped = named.filter { $0.id != first.id }.map(\.id)
                    warnings.append(
                        "\(named.count) companies are named '\(name)': exported the one with external_id '\(usableExternalID(first)!)' (id \(first.id)); skipped id\(skipped.count == 1 ? "" : "s") \(Self.list(skipped)): a manifest declares a company name once"
                    )
                }
                let object = "company '\(name)'"
                var groups: [Located<String>]? = company.groups.compactMap { groupNames[$0] }.sorted().map { Located($0) }
                let unnamed = company.groups.filter { groupNames[$0] == nil }
                if !unnamed.isEmpty {
                    warnings.append(
                        "\(object): 'groups' left out (unmanaged): related group id\(unnamed.count == 1 ? "" : "s") \(Self.list(Array(unnamed))) cannot be named (the name is not unique or cannot be written)"
                    )
                    groups = nil
                }
                companies.append(
                    DeclaredCompany(
                        name: name, externalID: usableExternalID(company).map { Located($0) }, groups: groups,
                        members: relation(company.members, "members", of: object),
                        observers: relation(company.observers, "observers", of: object)))
            }
            return companies
        }

        // MARK: Help desks

        mutating func helpDesks() -> [DeclaredHelpDesk] {
            uniquelyNamed(estate.helpdesks.values, name: \.name, id: \.id, what: "help desk").map { desk in
                let object = "help desk '\(desk.name)'"
                let levels = estate.levels.values.filter { $0.helpdeskID == desk.id }.sorted { ($0.order, $0.id) < ($1.order, $1.id) }
                var nameCount: [String: Int] = [:]
                var orderCount: [Int: Int] = [:]
                for level in levels {
                    nameCount[level.name, default: 0] += 1
                    orderCount[level.order, default: 0] += 1
                }
                var desired: [DeclaredLevel] = []
                for level in levels {
                    let selector: DeclaredLevel.Selector
                    if nameCount[level.name] == 1, NameRules.isWritableName(level.name) {
                        selector = .name(level.name)
                    } else if orderCount[level.order] == 1, level.order >= 1 {
                        selector = .order(level.order)
                    } else {
                        warnings.append("\(object): level id \(level.id) skipped: neither its name nor its order tells it apart")
                        continue
                    }
                    desired.append(
                        DeclaredLevel(
                            selector: selector, observers: relation(level.observers, "observers", of: "level \(selector) of \(object)")))
                }
                return DeclaredHelpDesk(name: desk.name, observers: relation(desk.observers, "observers", of: object), levels: desired)
            }
        }
    }
}
