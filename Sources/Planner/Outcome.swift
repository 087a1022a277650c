import EstateModel

/// What a plan does to the live estate, read off its replay: every object it creates, changes or
/// destroys, whichever step (or cascade) does it. Every count a plan shows, and every guard
/// (`policy.max_deletes`, `protect`, `--hold-deletes`), comes from here.
///
/// Objects are companies, groups, locations, KB categories, help desks and levels (their observers),
/// each list or tree option of a custom field, and user accounts (a disabled one as destroyed).
package struct Outcome: Equatable, Sendable {
    package var created: [Entry]
    package var changed: [Entry]
    package var destroyed: [Entry]

    package init(created: [Entry] = [], changed: [Entry] = [], destroyed: [Entry] = []) {
        self.created = created
        self.changed = changed
        self.destroyed = destroyed
    }

    /// One object, and the step that created, last changed or erased it.
    package struct Entry: Equatable, Sendable {
        /// The object: as the live estate names it (for a creation, as the replay does).
        package var address: Address
        /// The step's index in the plan.
        package var step: Int
        /// The change that step belongs to.
        package var cause: Address
        /// Whether it goes with another object: a sublocation erased with its parent, a group whose
        /// members change with its company's.
        package var cascade: Bool

        package init(address: Address, step: Int, cause: Address, cascade: Bool) {
            self.address = address
            self.step = step
            self.cause = cause
            self.cascade = cascade
        }
    }

    /// The entries of the steps in `kept` only.
    func restricted(to kept: Set<Int>) -> Outcome {
        Outcome(
            created: created.filter { kept.contains($0.step) }, changed: changed.filter { kept.contains($0.step) },
            destroyed: destroyed.filter { kept.contains($0.step) })
    }
}

/// One object as the replay counts it.
enum ObjectID: Hashable {
    case company(Int)
    case group(Int)
    case location(Int)
    case kbCategory(Int)
    case helpdesk(Int)
    case level(Int)
    case listOption(field: Int, key: String)
    case treeOption(field: Int, hash: String)
    /// An account that is not deleted. Disabling it destroys it as the plan counts, enabling it adds it.
    case user(Int)

    /// What the step list orders by: the object itself, or its custom field for an option.
    var resource: StepList.Resource {
        switch self {
        case .company(let id): .company(id)
        case .group(let id): .group(id)
        case .location(let id): .location(id)
        case .kbCategory(let id): .kbCategory(id)
        case .helpdesk(let id): .helpdesk(id)
        case .level(let id): .level(id)
        case .listOption(let field, _), .treeOption(let field, _): .field(field)
        case .user(let id): .user(id)
        }
    }
}

extension Estate {
    /// Every object the replay counts.
    func countedObjects() -> Set<ObjectID> {
        var objects: Set<ObjectID> = []
        objects.formUnion(companies.keys.map(ObjectID.company))
        objects.formUnion(groups.keys.map(ObjectID.group))
        objects.formUnion(locations.keys.map(ObjectID.location))
        objects.formUnion(kbCategories.keys.map(ObjectID.kbCategory))
        objects.formUnion(helpdesks.keys.map(ObjectID.helpdesk))
        objects.formUnion(levels.keys.map(ObjectID.level))
        objects.formUnion(users.values.filter { !$0.isDeleted }.map { ObjectID.user($0.id) })
        for (uid, field) in customFields {
            objects.formUnion(field.listOptions.map { .listOption(field: uid, key: $0.key) })
            objects.formUnion(field.treeOptions.map { .treeOption(field: uid, hash: $0.hash) })
        }
        return objects
    }

    /// Whether `object`, present in both estates, differs between them in what deskform manages
    /// (observer groups are read-only: a deleted group leaving them is not a change of the object).
    /// `options` are this estate's and `other`'s.
    func differs(_ object: ObjectID, from other: Estate, options: (OptionIndex, OptionIndex)) -> Bool {
        func managed<T>(_ value: T?, _ readOnly: WritableKeyPath<T, Set<Int>>) -> T? {
            value.map {
                var copy = $0
                copy[keyPath: readOnly] = []
                return copy
            }
        }
        return switch object {
        case .company(let id): managed(companies[id], \.observerGroups) != managed(other.companies[id], \.observerGroups)
        case .group(let id): managed(groups[id], \.observerGroups) != managed(other.groups[id], \.observerGroups)
        case .location(let id): managed(locations[id], \.observerGroups) != managed(other.locations[id], \.observerGroups)
        case .kbCategory(let id): kbCategories[id] != other.kbCategories[id]
        case .helpdesk(let id): helpdesks[id]?.observers != other.helpdesks[id]?.observers
        case .level(let id): levels[id]?.observers != other.levels[id]?.observers
        case .listOption(let uid, let key):
            options.0.listOption(field: uid, key: key) != options.1.listOption(field: uid, key: key)
        case .treeOption(let uid, let hash):
            options.0.treeOption(field: uid, hash: hash) != options.1.treeOption(field: uid, hash: hash)
        case .user(let id): users[id] != other.users[id]
        }
    }

    /// The address of an object of this estate, as a plan prints it.
    func address(of object: ObjectID) -> Address {
        switch object {
        case .company(let id): Address(.company, companies[id]?.name ?? "#\(id)")
        case .group(let id): Address(.group, groups[id]?.name ?? "#\(id)")
        case .location(let id): Address(.location, locationPath(of: id).joined(separator: "/"))
        case .kbCategory(let id): Address(.kbCategory, kbCategoryPath(of: id).joined(separator: "/"))
        case .helpdesk(let id): Address(.helpdesk, helpdesks[id]?.name ?? "#\(id)")
        case .level(let id):
            Address(.level, "\(levels[id].flatMap { helpdesks[$0.helpdeskID]?.name } ?? "?")/\(levels[id]?.name ?? "#\(id)")")
        case .user(let id): Address(.user, users[id]?.username ?? "#\(id)")
        case .listOption(let uid, let key): Address(.option, "\(customFields[uid]?.label ?? "#\(uid)")/\(key)")
        case .treeOption(let uid, let hash):
            Address(
                .option,
                ([customFields[uid]?.label ?? "#\(uid)"] + (customFields[uid]?.treeOptions.path(ofHash: hash) ?? [])).joined(separator: "/"))
        }
    }
}
