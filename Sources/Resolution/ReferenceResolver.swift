import EstateModel
import Manifest
import Planner

/// Resolves the manifests' references against the live estate: users by username, email or id;
/// groups named in companies; help desks and levels; custom fields by label or uid. Every unknown
/// reference is an error at its position with the closest match as a hint, and so is a reference that
/// matches several users, and so is a user the instance lists as deleted (`is_deleted`: real instances
/// list them with the others); a disabled user is a warning. The result is the ``DesiredState`` the
/// planner diffs.
///
/// The manifests are valid (``ManifestLoad/isValid``): what they contradict by themselves, such as a
/// company relating to a group declared absent or renamed, was refused by validation.
package struct ReferenceResolver {
    let live: Estate
    var diagnostics: [Diagnostic] = []
    /// Users by lowercased username and email, ids ascending: the instance compares them
    /// case-insensitively, so names equal but for case are one reference to several users. Users the
    /// manifests create, and new usernames and emails, are added once they are matched (`matchUsers`).
    var usersByName: [String: [Int]]
    var usersByEmail: [String: [Int]]
    /// Whether a reference to a user the instance does not have is dropped (an environment's
    /// `missing_users: skip`) rather than an error.
    private var skipsMissingUsers = false
    /// The references dropped, in the order met.
    private var skippedUsers: [UserReference] = []
    /// The references to disabled users, in the order met.
    private var disabledUsers: [UserReference] = []

    init(live: Estate) {
        self.live = live
        var byName: [String: [Int]] = [:]
        var byEmail: [String: [Int]] = [:]
        // A deleted user is not a user: its username or email may be a live user's now.
        for user in live.users.values.sorted(by: { $0.id < $1.id }) where !user.isDeleted {
            if !user.username.isEmpty { byName[user.username.lowercased(), default: []].append(user.id) }
            if !user.email.isEmpty { byEmail[user.email.lowercased(), default: []].append(user.id) }
        }
        usersByName = byName
        usersByEmail = byEmail
    }

    /// The desired state, and every problem found (sorted). Check `containsErrors` before planning.
    /// With `skippingMissingUsers`, references to users the instance does not have are left out of the
    /// desired state, with one warning that lists them.
    package static func resolve(
        _ manifest: DeclaredEstate, against live: Estate, skippingMissingUsers: Bool = false
    ) -> (DesiredState, [Diagnostic], [Address: SourceLocation]) {
        var resolver = ReferenceResolver(live: live)
        resolver.skipsMissingUsers = skippingMissingUsers
        var places: [Address: SourceLocation] = [:]
        var desired = DesiredState()
        let groupNames = GroupNames(manifest: manifest, live: live)
        let users = resolver.matchUsers(manifest.users)

        for company in manifest.companies {
            places[Address(.company, company.name)] = company.position
            desired.companies.append(
                DesiredState.Company(
                    name: company.name, externalID: company.externalID?.value, previousNames: company.previousNames.map(\.value),
                    groups: company.groups.map { resolver.groups($0, known: groupNames) }, members: resolver.users(company.members),
                    observers: resolver.users(company.observers), protect: company.protect, absent: company.absent))
        }
        for group in manifest.groups {
            places[Address(.group, group.name)] = group.position
            desired.groups.append(
                DesiredState.Group(
                    name: group.name, previousNames: group.previousNames.map(\.value), members: resolver.users(group.members),
                    observers: resolver.users(group.observers),
                    protect: group.protect, absent: group.absent))
        }
        func locations(_ nodes: [DeclaredLocation], _ path: [String]) {
            for node in nodes {
                let nodePath = path + [node.name]
                places[Address(.location, nodePath.joined(separator: "/"))] = node.position
                desired.locations.append(
                    DesiredState.Location(
                        path: nodePath, previousNames: node.previousNames.map(\.value), members: resolver.users(node.members),
                        observers: resolver.users(node.observers),
                        protect: node.protect, absent: node.absent))
                locations(node.children, nodePath)
            }
        }
        locations(manifest.locations, [])
        func categories(_ nodes: [DeclaredKBCategory], _ path: [String]) {
            for node in nodes {
                let nodePath = path + [node.name]
                places[Address(.kbCategory, nodePath.joined(separator: "/"))] = node.position
                desired.kbCategories.append(
                    DesiredState.KBCategory(
                        path: nodePath, previousNames: node.previousNames.map(\.value), protect: node.protect, absent: node.absent))
                categories(node.children, nodePath)
            }
        }
        categories(manifest.kbCategories, [])
        for helpdesk in manifest.helpDesks {
            if let resolved = resolver.helpdesk(helpdesk) {
                places[Address(.helpdesk, resolved.name)] = helpdesk.position
                desired.helpdesks.append(resolved)
            }
        }
        for field in manifest.customFields {
            if let resolved = resolver.customField(field) {
                places[Address(.customField, resolved.label)] = field.position
                desired.customFields.append(resolved)
            }
        }
        desired.users = resolver.resolveUsers(users, manifest: manifest, groups: groupNames)
        for user in manifest.users { places[Address(.user, user.username)] = user.position }
        desired.policy = DesiredState.Policy(
            prune: Set(manifest.policy.prune.map(\.value)),
            ignore: manifest.policy.ignore.map(\.value), maxDeletes: manifest.policy.maxDeletes?.value ?? Policy.defaultMaxDeletes,
            inviteUsers: manifest.policy.inviteUsers?.value ?? false)
        for (first, count) in Self.byUser(resolver.skippedUsers) {
            resolver.diagnostics.append(
                .warning(
                    at: first.position,
                    "user '\(first)' is not on the instance, so it was left out (missing_users: skip)\(Self.elsewhere(count))",
                    hint: "the plan manages the other users of those relations; create the user on the instance to include it"))
        }
        for (first, count) in Self.byUser(resolver.disabledUsers) {
            resolver.diagnostics.append(.warning(at: first.position, "user '\(first)' is disabled\(Self.elsewhere(count))"))
        }
        return (desired, resolver.diagnostics.sorted(), places)
    }

    /// Each user's first reference and how many there are in all, in the order met: one warning a user,
    /// at its own position.
    private static func byUser(_ references: [UserReference]) -> [(first: UserReference, count: Int)] {
        var found: [(first: UserReference, count: Int)] = []
        var index: [String: Int] = [:]
        for reference in references {
            let key = reference.description.lowercased()
            if let at = index[key] {
                found[at].count += 1
            } else {
                index[key] = found.count
                found.append((reference, 1))
            }
        }
        return found
    }

    /// ` (and 2 more references)` after the first of several.
    private static func elsewhere(_ count: Int) -> String {
        count > 1 ? " (and \((count - 1).counted("more reference")))" : ""
    }

    // MARK: Users

    mutating func users(_ references: [UserReference]?) -> Set<Int>? {
        guard let references else { return nil }
        var ids: Set<Int> = []
        for reference in references {
            if let id = user(reference) { ids.insert(id) }
        }
        return ids
    }

    mutating func user(_ reference: UserReference) -> Int? {
        let ids: [Int] =
            switch reference.key {
            case .username(let name): usersByName[name.lowercased()] ?? []
            case .email(let email): usersByEmail[email.lowercased()] ?? []
            case .id(let number): live.users[number].map { $0.isDeleted ? [] : [number] } ?? []
            }
        if ids.count > 1 {
            diagnostics.append(ambiguous(reference, ids))
            return nil
        }
        guard let id = ids.first else {
            if let deleted = deletedUser(reference) {
                diagnostics.append(
                    .error(
                        at: reference.position, "user '\(reference)' is deleted in the instance (id \(deleted))",
                        hint: "a deleted user cannot be a member or an observer; remove the reference, or name a user who is not deleted"))
                return nil
            }
            if skipsMissingUsers {
                skippedUsers.append(reference)
                return nil
            }
            // Only now, for the hint: the names it could have meant.
            let known: [String] =
                switch reference.key {
                case .username: live.users.values.filter { !$0.isDeleted }.map(\.username)
                case .email: live.users.values.filter { !$0.isDeleted }.map(\.email)
                case .id: []
                }
            diagnostics.append(
                .error(
                    at: reference.position, "unknown user '\(reference)'",
                    hint: Suggestion.didYouMean(reference.description, among: known.sorted())))
            return nil
        }
        if live.users[id]?.isDisabled == true { disabledUsers.append(reference) }
        return id
    }

    /// The id of the deleted user a reference names, when no live user has its name.
    private func deletedUser(_ reference: UserReference) -> Int? {
        live.users.values.filter(\.isDeleted).map(\.id).sorted().first { id in
            let user = live.users[id]!
            return switch reference.key {
            case .username(let name): user.username.lowercased() == name.lowercased()
            case .email(let email): user.email.lowercased() == email.lowercased()
            case .id(let number): id == number
            }
        }
    }

    /// A username or email that several users have, equal but for case: never a guess.
    private func ambiguous(_ reference: UserReference, _ ids: [Int]) -> Diagnostic {
        let byEmail = if case .email = reference.key { true } else { false }
        let field = byEmail ? "email" : "username"
        let users = ids.map { id in "\(id) ('\(byEmail ? live.users[id]!.email : live.users[id]!.username)')" }
        return .error(
            at: reference.position,
            "user '\(reference)' is ambiguous: users \(users.dropLast().joined(separator: ", ")) and \(users.last!) have \(field)s equal but for case",
            hint: "the instance compares \(field)s ignoring case; name the user by id: \(ids.map(String.init).joined(separator: " or "))")
    }

    // MARK: Groups, help desks, levels, custom fields

    /// The group names a company may relate to, gathered once for all companies: validation has
    /// refused the names of groups declared absent or renamed.
    struct GroupNames {
        /// Declared and not absent.
        var declared: Set<String>
        var live: Set<String>

        init(manifest: DeclaredEstate, live estate: Estate) {
            declared = Set(manifest.groups.filter { !$0.absent }.map(\.name))
            live = Set(estate.groups.values.map(\.name))
        }
    }

    /// Group names a company relates to: each declared or live.
    private mutating func groups(_ names: [Located<String>], known: GroupNames) -> [String] {
        var resolved: [String] = []
        for name in names {
            if known.declared.contains(name.value) || known.live.contains(name.value) {
                resolved.append(name.value)
            } else {
                diagnostics.append(
                    .error(
                        at: name.position, "unknown group '\(name.value)': it is neither declared nor in the instance",
                        hint: Suggestion.didYouMean(name.value, among: known.declared.union(known.live).sorted())))
            }
        }
        return resolved
    }

    /// The one object a name refers to; none or several is an error at `location` (with a
    /// did-you-mean hint for none).
    private mutating func only<Object>(
        _ matches: [Object], at location: SourceLocation, unknown: String, ambiguous: (Int) -> String, hint: () -> String?
    ) -> Object? {
        if matches.count == 1 { return matches[0] }
        diagnostics.append(
            .error(
                at: location, matches.isEmpty ? unknown : ambiguous(matches.count), hint: matches.isEmpty ? hint() : nil))
        return nil
    }

    private mutating func helpdesk(_ declared: DeclaredHelpDesk) -> DesiredState.HelpDesk? {
        let live = self.live
        guard
            let helpdesk = only(
                live.helpdesks.values.filter { $0.name == declared.name }, at: declared.position,
                unknown: "unknown help desk '\(declared.name)'",
                ambiguous: { "\($0) help desks are named '\(declared.name)'" },
                hint: { Suggestion.didYouMean(declared.name, among: live.helpdesks.values.map(\.name).sorted()) })
        else { return nil }
        let levels = live.levels.values.filter { $0.helpdeskID == helpdesk.id }.sorted { $0.order < $1.order }
        var resolved = DesiredState.HelpDesk(id: helpdesk.id, name: helpdesk.name, observers: users(declared.observers))
        for level in declared.levels {
            let found: [Level] =
                switch level.selector {
                case .name(let name): levels.filter { $0.name == name }
                case .order(let order): levels.filter { $0.order == order }
                }
            guard found.count == 1, let match = found.first else {
                var hint =
                    "'\(helpdesk.name)' has "
                    + (levels.isEmpty ? "no levels" : levels.map { "'\($0.name)' (order \($0.order))" }.joined(separator: ", "))
                if case .name(let name) = level.selector, let close = Suggestion.didYouMean(name, among: levels.map(\.name)) {
                    hint = close
                }
                diagnostics.append(
                    .error(at: level.position, "unknown level \(level.selector) in help desk '\(helpdesk.name)'", hint: hint))
                continue
            }
            resolved.levels.append(DesiredState.Level(id: match.id, name: match.name, observers: users(level.observers)))
        }
        return resolved
    }

    private mutating func customField(_ declared: DeclaredCustomField) -> DesiredState.CustomField? {
        let live = self.live
        guard
            let field = only(
                declared.uid.flatMap { live.customFields[$0].map { [$0] } }
                    ?? live.customFields.values.filter { $0.label == declared.field },
                at: declared.position, unknown: "unknown custom field '\(declared.field)'",
                ambiguous: { "\($0) custom fields are labelled '\(declared.field)': name it by uid" },
                hint: { Suggestion.didYouMean(declared.field, among: live.customFields.values.map(\.label).sorted()) })
        else { return nil }
        let kind = live.fieldKind(field)
        let typeName = live.customFieldTypes.first { $0.id == field.typeID }?.name ?? "type \(field.typeID)"
        if declared.options != nil, kind != .list {
            diagnostics.append(
                .error(
                    at: declared.position,
                    "custom field '\(field.label)' is not a list-type field (it is '\(typeName)'), so it has no `options`",
                    hint: kind == .tree ? "declare its options under `tree`" : nil))
            return nil
        }
        if declared.tree != nil, kind != .tree {
            diagnostics.append(
                .error(
                    at: declared.position,
                    "custom field '\(field.label)' is not a tree-type field (it is '\(typeName)'), so it has no `tree`",
                    hint: kind == .list ? "declare its options under `options`" : nil))
            return nil
        }
        func tree(_ nodes: [Manifest.DeclaredTreeOption]) -> [DesiredState.TreeOption] {
            nodes.map { DesiredState.TreeOption(name: $0.name, key: $0.key?.value, children: tree($0.children)) }
        }
        return DesiredState.CustomField(
            uid: field.uid, label: field.label, options: declared.options?.map { ListOption(key: $0.key, value: $0.value) },
            tree: declared.tree.map(tree))
    }
}
