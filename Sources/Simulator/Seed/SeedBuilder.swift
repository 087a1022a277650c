import EstateModel

/// Turns a decoded seed into an estate, reporting every inconsistency (duplicate ids, references
/// to users, groups or parents that are not there, options on the wrong kind of field).
struct SeedBuilder {
    var locator: SeedLocator
    private var estate = Estate()
    private var optionSerial = 0

    init(locator: SeedLocator) {
        self.locator = locator
    }

    mutating func build(_ document: SeedDocument) -> Estate {
        if let version = document.version { estate.version = version }
        if let types = document.customFieldTypes {
            estate.customFieldTypes = types.map { CustomFieldType(id: $0.id, name: $0.name) }
        }
        for (index, user) in (document.users ?? []).enumerated() {
            let path: [SeedLocator.Step] = [.key("users"), .index(index)]
            guard unique(user.id, in: estate.users, "user", path) else { continue }
            estate.users[user.id] = User(
                id: user.id, username: user.username, email: user.email, name: user.name ?? "",
                lastname: user.lastname ?? "", isDisabled: user.disabled ?? false, isDeleted: user.deleted ?? false,
                userType: user.agent == true ? 1 : 2, source: user.ldap == true ? .ldap : .system)
        }
        addHelpDesks(document.helpdesks ?? [])
        for (index, category) in (document.requestCategories ?? []).enumerated() {
            let path: [SeedLocator.Step] = [.key("request_categories"), .index(index)]
            guard unique(category.id, in: estate.requestCategories, "request category", path) else { continue }
            estate.requestCategories[category.id] = RequestCategory(id: category.id, name: category.name, parentID: category.parent)
        }
        checkParents(of: document.requestCategories ?? [], in: Set(estate.requestCategories.keys), "request_categories")
        addCustomFields(document.customFields ?? [])
        addOrganisation(document)
        estate.advanceSequences()
        return estate
    }

    private mutating func addHelpDesks(_ helpdesks: [SeedHelpDesk]) {
        for (index, helpdesk) in helpdesks.enumerated() {
            let path: [SeedLocator.Step] = [.key("helpdesks"), .index(index)]
            guard unique(helpdesk.id, in: estate.helpdesks, "help desk", path),
                unique(helpdesk.id, in: estate.levels, "level or help desk", path)
            else { continue }
            estate.helpdesks[helpdesk.id] = HelpDesk(
                id: helpdesk.id, name: helpdesk.name, statusID: helpdesk.statusID ?? 1, engineID: helpdesk.engineID ?? 1,
                members: users(helpdesk.members, path + [.key("members")]),
                observers: users(helpdesk.observers, path + [.key("observers")]))
        }
        // Levels share the id space of help desks, as in `helpdesksandlevels`.
        for (index, helpdesk) in helpdesks.enumerated() {
            for (levelIndex, level) in (helpdesk.levels ?? []).enumerated() {
                let path: [SeedLocator.Step] = [.key("helpdesks"), .index(index), .key("levels"), .index(levelIndex)]
                guard unique(level.id, in: estate.levels, "level", path),
                    unique(level.id, in: estate.helpdesks, "help desk or level", path)
                else { continue }
                estate.levels[level.id] = Level(
                    id: level.id, helpdeskID: helpdesk.id, name: level.name, order: level.order,
                    statusID: level.statusID ?? 1, engineID: level.engineID ?? 1,
                    members: users(level.members, path + [.key("members")]),
                    observers: users(level.observers, path + [.key("observers")]))
            }
        }
    }

    private mutating func addCustomFields(_ fields: [SeedField]) {
        for (index, seed) in fields.enumerated() {
            let path: [SeedLocator.Step] = [.key("custom_fields"), .index(index)]
            guard unique(seed.uid, in: estate.customFields, "custom field", path) else { continue }
            var field = CustomField(
                uid: seed.uid, label: seed.label, typeID: seed.type, description: seed.description ?? "",
                isRequired: seed.required ?? false, categories: seed.categories ?? [])
            guard let type = estate.customFieldTypes.first(where: { $0.id == seed.type }) else {
                locator.report("unknown custom field type \(seed.type)", at: path + [.key("type")])
                continue
            }
            for category in field.categories where estate.requestCategories[category] == nil {
                locator.report("unknown request category \(category)", at: path + [.key("categories")])
            }
            if let options = seed.options {
                if type.kind != .list {
                    locator.report("options are for list-type fields; \(seed.label) is '\(type.name)'", at: path + [.key("options")])
                }
                field.listOptions = options.pairs.map { ListOption(key: $0.key, value: $0.value) }
            }
            if let tree = seed.tree {
                if type.kind != .tree {
                    locator.report("a tree is for tree-type fields; \(seed.label) is '\(type.name)'", at: path + [.key("tree")])
                }
                addTreeOptions(tree, parent: nil, to: &field, path: path + [.key("tree")])
            }
            estate.customFields[field.uid] = field
        }
    }

    /// Hashes are made as `Estate` makes them, one serial per option across the estate, so that
    /// options added later never collide with seeded ones.
    private mutating func addTreeOptions(
        _ options: [SeedTreeOption], parent: String?, to field: inout CustomField, path: [SeedLocator.Step]
    ) {
        for (index, option) in options.enumerated() {
            optionSerial += 1
            let hash = Estate.optionHash(field: field.uid, serial: optionSerial)
            let key = option.key ?? hash
            if field.treeOptions.contains(where: { $0.key == key }) {
                locator.report("duplicate tree option key '\(key)'", at: path + [.index(index), .key("key")])
            }
            field.treeOptions.append(TreeOption(hash: hash, key: key, name: option.name, parentHash: parent))
            addTreeOptions(option.children ?? [], parent: hash, to: &field, path: path + [.index(index), .key("children")])
        }
    }

    private mutating func addOrganisation(_ document: SeedDocument) {
        for (index, group) in (document.groups ?? []).enumerated() {
            let path: [SeedLocator.Step] = [.key("groups"), .index(index)]
            guard unique(group.id, in: estate.groups, "group", path) else { continue }
            estate.groups[group.id] = Group(
                id: group.id, name: group.name, members: users(group.members, path + [.key("members")]),
                observers: users(group.observers, path + [.key("observers")]))
        }
        for (index, company) in (document.companies ?? []).enumerated() {
            let path: [SeedLocator.Step] = [.key("companies"), .index(index)]
            guard unique(company.id, in: estate.companies, "company", path) else { continue }
            let groups = Set(company.groups ?? [])
            for group in groups.sorted() where estate.groups[group] == nil {
                locator.report("unknown group \(group)", at: path + [.key("groups")])
            }
            estate.companies[company.id] = Company(
                id: company.id, name: company.name, externalID: company.externalID,
                members: users(company.members, path + [.key("members")]), groups: groups,
                observers: users(company.observers, path + [.key("observers")]))
        }
        for (index, location) in (document.locations ?? []).enumerated() {
            let path: [SeedLocator.Step] = [.key("locations"), .index(index)]
            guard unique(location.id, in: estate.locations.nodes, "location", path) else { continue }
            estate.locations[location.id] = Location(
                id: location.id, name: location.name, parentID: location.parent.flatMap { $0 == 0 ? nil : $0 },
                members: users(location.members, path + [.key("members")]),
                observers: users(location.observers, path + [.key("observers")]))
        }
        checkParents(of: document.locations ?? [], in: Set(estate.locations.keys), "locations")
        for (index, category) in (document.kbCategories ?? []).enumerated() {
            let path: [SeedLocator.Step] = [.key("kb_categories"), .index(index)]
            guard unique(category.id, in: estate.kbCategories.nodes, "KB category", path) else { continue }
            estate.kbCategories[category.id] = KBCategory(
                id: category.id, name: category.name, parentID: category.parent.flatMap { $0 == 0 ? nil : $0 })
        }
        checkParents(of: document.kbCategories ?? [], in: Set(estate.kbCategories.keys), "kb_categories")
    }

    private mutating func unique<Value>(_ id: Int, in existing: [Int: Value], _ kind: String, _ path: [SeedLocator.Step]) -> Bool {
        guard existing[id] != nil else { return true }
        locator.report("duplicate \(kind) id \(id)", at: path + [.key("id")])
        return false
    }

    private mutating func users(_ ids: [Int]?, _ path: [SeedLocator.Step]) -> Set<Int> {
        for id in ids ?? [] where estate.users[id] == nil {
            locator.report("unknown user \(id)", at: path)
        }
        return Set(ids ?? [])
    }

    private mutating func checkParents(of nodes: [SeedNode], in known: Set<Int>, _ section: String) {
        for (index, node) in nodes.enumerated() {
            if let parent = node.parent, parent != 0, !known.contains(parent) {
                locator.report("unknown parent \(parent)", at: [.key(section), .index(index), .key("parent")])
            }
        }
    }
}
