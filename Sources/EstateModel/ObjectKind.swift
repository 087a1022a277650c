/// The kinds of object deskform manages, as the manifests' sections and `policy.prune` name them.
///
/// This is the registry of kinds: what code across kinds needs to know about one (how plans address its
/// objects, whether it can be pruned, what else a write to it can change, what deskform manages of each
/// object) is its ``descriptor``, declared once below. Code that spans kinds loops over ``allCases``; the
/// little each module must do per kind on its own (the endpoints that read it, its records, its planner
/// phase) is an exhaustive `switch` over the kind, so that adding a case is a compile error until every
/// one of them handles it.
package enum ObjectKind: String, CaseIterable, Equatable, Hashable, Sendable, Comparable {
    case companies, groups, locations, helpdesks
    case kbCategories = "kb_categories"
    case customFields = "custom_fields"
    case users

    /// The kinds `policy.prune` may name, in the order the schema lists them: those deskform creates and
    /// deletes (users: creates and disables, since deskform never deletes a person).
    package static let prunable: [ObjectKind] = allCases.filter(\.descriptor.isPrunable)

    package static func < (lhs: ObjectKind, rhs: ObjectKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The kind whose objects an address of `kind` names.
    package init(_ kind: Address.Kind) {
        self = Self.allCases.first { $0.descriptor.addressKinds.contains(kind) }!
    }

    /// What deskform knows about this kind, in one place.
    package var descriptor: KindDescriptor {
        switch self {
        case .companies:
            KindDescriptor(addressKinds: [.company], isPrunable: true, sideEffects: [.groups]) { estate in
                estate.companies.values.map { company in
                    let groups = company.groups.compactMap { estate.groups[$0]?.name }.sorted().joined(separator: ",")
                    return ManagedObject(
                        "company:\(company.id)", Address(.company, company.name),
                        "external_id=\(company.externalID ?? "") members=\(estate.usernames(company.members)) "
                            + "observers=\(estate.usernames(company.observers)) groups=\(groups)")
                }
            }
        case .groups:
            KindDescriptor(addressKinds: [.group], isPrunable: true, sideEffects: [.companies]) { estate in
                estate.groups.values.map { group in
                    ManagedObject(
                        "group:\(group.id)", Address(.group, group.name),
                        "members=\(estate.usernames(group.members)) observers=\(estate.usernames(group.observers))")
                }
            }
        case .locations:
            KindDescriptor(addressKinds: [.location], isPrunable: true, sideEffects: []) { estate in
                estate.locations.values.map { location in
                    ManagedObject(
                        "location:\(location.id)", Address(.location, estate.locationPath(of: location.id).joined(separator: "/")),
                        "members=\(estate.usernames(location.members)) observers=\(estate.usernames(location.observers))")
                }
            }
        case .helpdesks:
            // Help desks and their levels are never created or deleted: only their observers are managed.
            KindDescriptor(addressKinds: [.helpdesk, .level], isPrunable: false, sideEffects: []) { estate in
                estate.helpdesks.values.map { helpdesk in
                    ManagedObject("helpdesk:\(helpdesk.id)", Address(.helpdesk, helpdesk.name), "observers=\(estate.usernames(helpdesk.observers))")
                }
                    + estate.levels.values.map { level in
                        ManagedObject(
                            "level:\(level.id)", Address(.level, "\(estate.helpdesks[level.helpdeskID]?.name ?? "?")/\(level.name)"),
                            "observers=\(estate.usernames(level.observers))")
                    }
            }
        case .kbCategories:
            KindDescriptor(addressKinds: [.kbCategory], isPrunable: true, sideEffects: []) { estate in
                estate.kbCategories.values.map { category in
                    ManagedObject(
                        "kb_category:\(category.id)",
                        Address(.kbCategory, estate.kbCategoryPath(of: category.id).joined(separator: "/")), "present")
                }
            }
        case .customFields:
            // Custom fields are never created or deleted: only their list and tree options are managed.
            KindDescriptor(addressKinds: [.customField, .option], isPrunable: false, sideEffects: []) { estate in
                estate.customFields.values.flatMap { field in
                    field.listOptions.map { option in
                        ManagedObject("list_option:\(field.uid):\(option.key)", Address(.option, "\(field.label)/\(option.key)"), "value=\(option.value)")
                    }
                        + field.treeOptions.map { option in
                            ManagedObject(
                                "tree_option:\(field.uid):\(option.hash)",
                                Address(.option, ([field.label] + field.treeOptions.path(ofHash: option.hash)).joined(separator: "/")), "key=\(option.key)")
                        }
                }
            }
        case .users:
            // Pruning a user disables it. A user's writes change that user only: memberships are written on
            // the groups', companies' and locations' side. A disabled account is, to undo and the tests, one
            // that is gone: deskform's way of removing a person.
            KindDescriptor(addressKinds: [.user], isPrunable: true, sideEffects: []) { estate in
                estate.users.values.filter(\.isActive).map { user in
                    let attributes = user.attributes.sorted { $0.key < $1.key }.map { "\($0.key.rawValue)=\($0.value)" }
                    return ManagedObject(
                        "user:\(user.id)", Address(.user, user.username),
                        (["email=\(user.email)", "name=\(user.name)", "lastname=\(user.lastname)"] + attributes
                            + ["manager=\(estate.usernames(user.managerID.map { [$0] } ?? []))"]).joined(separator: " "))
                }
            }
        }
    }
}

/// One kind's cross-kind facts (see ``ObjectKind``).
package struct KindDescriptor: Sendable {
    /// The address kinds that name its objects in plans and `--target` (`company["Acme"]`; a help desk's
    /// levels are `level["Service Desk/Level 1"]`).
    package let addressKinds: Set<Address.Kind>
    /// Whether deskform creates and deletes its objects, so that `policy.prune` may name it.
    package let isPrunable: Bool
    /// The other kinds whose managed state a write to an object of this kind can change, as a side
    /// effect of the API (`Estate.apply`, with the side effects docs/ARCHITECTURE.md lists):
    /// - a company's members join and leave its related groups, and un-relating a group with
    ///   `unlink_users_too` takes the company's users out of it: companies reach groups;
    /// - deleting a group drops it from the companies that relate it: groups reach companies.
    ///
    /// Sublocations, subcategories and child options erased with their parent are of the same kind;
    /// observer groups, which a deleted group stops being, are read-only and not managed. This is what the
    /// reader learns what else to read before planning from (`FetchScope.withSideEffects`); a test applies
    /// every operation to random estates and checks that nothing outside this reach moves.
    package let sideEffects: Set<ObjectKind>
    /// Every object of the kind in an estate, projected on what deskform manages of it in words that do
    /// not depend on ids (users by username, related groups by name; its name and parent are in its
    /// address), read-only relations such as observer groups left out: what `apply PLANFILE` fingerprints
    /// to see whether the instance moved since the plan, what `undo` compares, and what the tests compare.
    /// Help desks count their levels; custom fields, which are not managed themselves, their options.
    package let managedObjects: @Sendable (Estate) -> [ManagedObject]

    init(
        addressKinds: Set<Address.Kind>, isPrunable: Bool, sideEffects: Set<ObjectKind>,
        managedObjects: @escaping @Sendable (Estate) -> [ManagedObject]
    ) {
        self.addressKinds = addressKinds
        self.isPrunable = isPrunable
        self.sideEffects = sideEffects
        self.managedObjects = managedObjects
    }
}

/// One object as deskform manages it: a key stable across renames (`company:12`), the address a plan
/// shows, and the words of its managed state.
package struct ManagedObject: Equatable, Hashable, Sendable {
    package var key: String
    package var address: Address
    package var state: String

    package init(_ key: String, _ address: Address, _ state: String) {
        self.key = key
        self.address = address
        self.state = state
    }
}

extension ObjectKind {
    /// The other kinds a write to this one can change (``KindDescriptor/sideEffects``).
    package var sideEffects: Set<ObjectKind> { descriptor.sideEffects }
}

extension Estate {
    /// The managed state of every object of `kinds` (all by default), by address: what `undo` and the
    /// tests compare. Two objects at one address (two groups of one name) are compared together.
    package func managedState(of kinds: [ObjectKind] = ObjectKind.allCases) -> [Address: String] {
        var state: [Address: String] = [:]
        for kind in kinds {
            for object in kind.descriptor.managedObjects(self) {
                state[object.address] = state[object.address].map { [$0, object.state].sorted().joined(separator: " | ") } ?? object.state
            }
        }
        return state
    }

    /// Users by username (`#id` for one not read), sorted: membership in words that survive a new id.
    func usernames(_ ids: Set<Int>) -> String {
        ids.map { users[$0]?.username ?? "#\($0)" }.sorted().joined(separator: ",")
    }
}
