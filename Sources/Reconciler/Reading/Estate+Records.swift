import EstateModel
import InvGateWire

/// Building an estate from the API's answers.
extension Estate {
    mutating func record(_ listing: LiveEstateReader.Listing) {
        switch listing {
        case .users(let records):
            for user in records {
                users[user.id] = User(record: user)
            }
        case .companies(let records):
            for company in records {
                companies[company.id, default: Company(id: company.id, name: company.name)].name = company.name
                companies[company.id]!.externalID = company.externalID.flatMap { $0.isEmpty ? nil : $0 }
            }
        case .groups(let records):
            for group in records { groups[group.id, default: Group(id: group.id, name: group.name)].name = group.name }
        case .locations(let records):
            // In place: the observers may have been read first.
            for location in records {
                locations[location.id, default: Location(id: location.id, name: location.name)].name = location.name
                locations[location.id]!.parentID = location.parentID
            }
        case .helpdesks(let records):
            for desk in records {
                var entry = helpdesks[desk.id] ?? HelpDesk(id: desk.id, name: desk.name)
                entry.name = desk.name
                entry.parentID = desk.parentID
                entry.statusID = desk.statusID
                entry.engineID = desk.engineID
                helpdesks[desk.id] = entry
            }
        case .helpdesksAndLevels(let records):
            for level in records where level.levelOrder != nil && level.name == nil {
                var entry = levels[level.id] ?? Level(id: level.id, helpdeskID: 0, name: "", order: 0)
                entry.helpdeskID = level.parentID ?? 0
                entry.order = level.levelOrder ?? 0
                entry.statusID = level.statusID
                entry.engineID = level.engineID
                entry.members = Set(level.membersIDs)
                levels[level.id] = entry
            }
        case .kbCategories(let records):
            for category in records {
                kbCategories[category.id] = KBCategory(id: category.id, name: category.name, parentID: category.parentID)
            }
        case .customFields(let records):
            for field in records {
                customFields[field.uid] = CustomField(
                    uid: field.uid, label: field.label, typeID: field.type, description: field.description ?? "",
                    isRequired: field.isRequired, categories: field.categories.split(separator: ",").compactMap { Int($0) })
            }
        case .customFieldTypes(let records):
            customFieldTypes = records.map { CustomFieldType(id: $0.id, name: $0.name) }.sorted { $0.id < $1.id }
        case .observers(let kind, let records):
            for record in records { recordObservers(kind, record) }
        }
    }

    private mutating func recordObservers(_ kind: ObservedEntity.Kind, _ record: ObserversRecord) {
        let users = Set(record.observerUsers)
        let groups = Set(record.observerGroups)
        switch kind {
        case .company:
            companies[record.id, default: Company(id: record.id, name: record.name ?? "")].observers = users
            companies[record.id]!.observerGroups = groups
        case .group:
            self.groups[record.id, default: Group(id: record.id, name: record.name ?? "")].observers = users
            self.groups[record.id]!.observerGroups = groups
        case .location:
            locations[record.id, default: Location(id: record.id, name: record.name ?? "")].observers = users
            locations[record.id]!.observerGroups = groups
        case .helpdesk:
            helpdesks[record.id, default: HelpDesk(id: record.id, name: record.name ?? "")].observers = users
            helpdesks[record.id]!.observerGroups = groups
        case .level:
            var level = levels[record.id] ?? Level(id: record.id, helpdeskID: 0, name: "", order: 0)
            level.name = record.name ?? level.name
            level.observers = users
            level.observerGroups = groups
            levels[record.id] = level
        }
    }

    mutating func record(_ detail: LiveEstateReader.Detail) {
        switch detail {
        case .relatedGroups(let company, let records):
            companies[company]?.groups = Set(records.map(\.id))
        case .members(let kind, let id, let records):
            let members = Set(records.map(\.id))
            switch kind {
            case .company: companies[id]?.members = members
            case .group: groups[id]?.members = members
            case .location: locations[id]?.members = members
            }
        case .memberships(let records):
            for record in records {
                for company in record.companies { companies[company]?.members.insert(record.id) }
                for group in record.groups { groups[group]?.members.insert(record.id) }
                for location in record.locations { locations[location]?.members.insert(record.id) }
            }
        case .listOptions(let uid, let options):
            customFields[uid]?.listOptions = options.map { ListOption(key: $0.key, value: $0.value) }
        case .treeOptions(let uid, let records):
            customFields[uid]?.treeOptions = TreeOptions(TreeOption.flattening(records))
        }
    }
}

extension TreeOption {
    /// The API's nested options, flat, each knowing its parent: parents before children.
    static func flattening(_ records: [TreeOptionRecord]) -> [TreeOption] {
        var flat: [TreeOption] = []
        func walk(_ nodes: [TreeOptionRecord], parent: String?) {
            for node in nodes {
                flat.append(TreeOption(hash: node.hash, key: node.key, name: node.name, parentHash: parent))
                walk(node.children, parent: node.hash)
            }
        }
        walk(records, parent: nil)
        return flat
    }
}

extension LiveEstateReader.Listing {
    var kind: LiveEstateReader.ListingKind {
        switch self {
        case .users: .users
        case .companies: .companies
        case .groups: .groups
        case .locations: .locations
        case .customFields: .customFields
        case .customFieldTypes: .customFieldTypes
        case .helpdesks, .helpdesksAndLevels, .kbCategories, .observers: .other
        }
    }
}

extension User {
    /// The user as the API answered it.
    package init(record user: UserRecord) {
        self.init(
            id: user.id, username: user.username, email: user.email ?? "", name: user.name ?? "", lastname: user.lastname ?? "",
            isDisabled: user.isDisabled, isDeleted: user.isDeleted, userType: user.userType,
            source: User.Source(rawValue: user.source), attributes: user.attributes, managerID: user.managerID)
    }
}
