extension Estate {
    /// The estate after `operation`, or the error the API answers. Pure: `self` is unchanged.
    package func applying(_ operation: EstateOperation) throws(EstateError) -> Estate {
        var next = self
        _ = try next.apply(operation)
        return next
    }

    /// Applies one API operation with every documented side effect (docs/ARCHITECTURE.md lists them). Validates
    /// everything before changing anything: a refused operation leaves the estate as it was.
    @discardableResult
    package mutating func apply(_ operation: EstateOperation) throws(EstateError) -> OperationResult {
        switch operation {
        case .createCompany(let name, let externalID):
            let name = try Self.requireName(name)
            sequences.company += 1
            let id = sequences.company
            companies[id] = Company(id: id, name: name, externalID: externalID.flatMap(Self.nonEmpty))
            return .created(id: id)

        case .updateCompany(let id, let name, let externalID):
            guard var company = companies[id] else { throw .unknown(kind: "company", id: "\(id)") }
            if let name { company.name = try Self.requireName(name) }
            if let externalID { company.externalID = Self.nonEmpty(externalID) }
            companies[id] = company
            return .done

        case .deleteCompany(let id):
            guard companies.removeValue(forKey: id) != nil else {
                throw .unknown(kind: "company", id: "\(id)")
            }
            return .done

        case .relateGroups(let companyID, let groupIDs):
            guard companies[companyID] != nil else { throw .unknown(kind: "company", id: "\(companyID)") }
            try requireGroups(groupIDs)
            var changed: [Int: Bool] = [:]
            for group in groupIDs { changed[group] = companies[companyID]!.groups.insert(group).inserted }
            return .relations(changed)

        case .unrelateGroups(let companyID, let groupIDs, let unlinkUsers):
            guard let company = companies[companyID] else {
                throw .unknown(kind: "company", id: "\(companyID)")
            }
            try requireGroups(groupIDs)
            var changed: [Int: Bool] = [:]
            for group in groupIDs {
                changed[group] = companies[companyID]!.groups.remove(group) != nil
                if unlinkUsers { groups[group]!.members.subtract(company.members) }
            }
            return .relations(changed)

        case .createGroup(let name):
            let name = try Self.requireName(name)
            sequences.group += 1
            let id = sequences.group
            groups[id] = Group(id: id, name: name)
            return .created(id: id)

        case .deleteGroup(let id):
            guard groups.removeValue(forKey: id) != nil else { throw .unknown(kind: "group", id: "\(id)") }
            dropObserverGroup(id)
            for companyID in companies.keys { companies[companyID]!.groups.remove(id) }
            return .done

        case .createLocation(let name, let parentID):
            let name = try Self.requireName(name)
            let parent = try Self.parent(parentID, in: locations.keys, kind: "location")
            sequences.location += 1
            let id = sequences.location
            locations[id] = Location(id: id, name: name, parentID: parent)
            return .created(id: id)

        case .deleteLocation(let id):
            guard locations[id] != nil else { throw .unknown(kind: "location", id: "\(id)") }
            for erased in locations.subtree(of: id) { locations.removeValue(forKey: erased) }
            return .done

        case .addMembers(let target, let userIDs):
            try requireTarget(target)
            try requireUsers(userIDs)
            return .relations(addMembers(userIDs, to: target))

        case .removeMembers(let target, let userIDs):
            try requireTarget(target)
            try requireUsers(userIDs)
            return .relations(removeMembers(userIDs, from: target))

        case .addObservers(let entity, let userIDs):
            try requireEntity(entity)
            var changed: [Int: Bool] = [:]
            for user in userIDs {
                changed[user] = users[user] != nil && updateObservers(of: entity) { $0.insert(user).inserted }
            }
            return .relations(changed)

        case .removeObservers(let entity, let userIDs):
            try requireEntity(entity)
            var changed: [Int: Bool] = [:]
            for user in userIDs {
                changed[user] = updateObservers(of: entity) { $0.remove(user) != nil }
            }
            return .relations(changed)

        case .createKBCategory(let name, let parentID):
            let name = try Self.requireName(name)
            let parent = try Self.parent(parentID, in: kbCategories.keys, kind: "category")
            sequences.kbCategory += 1
            let id = sequences.kbCategory
            kbCategories[id] = KBCategory(id: id, name: name, parentID: parent)
            return .created(id: id)

        case .updateKBCategory(let id, let name, let parentID):
            guard var category = kbCategories[id] else { throw .unknown(kind: "category", id: "\(id)") }
            if let name { category.name = try Self.requireName(name) }
            if let parentID {
                let parent = try Self.parent(parentID, in: kbCategories.keys, kind: "category")
                if let parent, kbCategories.subtree(of: id).contains(parent) {
                    throw .invalid("A category cannot be moved below itself.")
                }
                category.parentID = parent
            }
            kbCategories[id] = category
            return .done

        case .deleteKBCategory(let id):
            guard kbCategories[id] != nil else { throw .unknown(kind: "category", id: "\(id)") }
            for erased in kbCategories.subtree(of: id) { kbCategories.removeValue(forKey: erased) }
            return .done

        case .upsertListOptions(let uid, let options):
            var field = try customField(uid, of: .list)
            var changed = 0
            // The first option with each key, looked up rather than searched for each option sent.
            var positions = Dictionary(field.listOptions.indices.map { (field.listOptions[$0].key, $0) }, uniquingKeysWith: { first, _ in first })
            for option in options {
                if let index = positions[option.key] {
                    if field.listOptions[index].value != option.value { changed += 1 }
                    field.listOptions[index].value = option.value
                } else {
                    positions[option.key] = field.listOptions.count
                    field.listOptions.append(option)
                    changed += 1
                }
            }
            customFields[uid] = field
            return .count(changed)

        case .deleteListOptions(let uid, let keys):
            var field = try customField(uid, of: .list)
            let erased = Set(keys)
            let before = field.listOptions.count
            field.listOptions.removeAll { erased.contains($0.key) }
            customFields[uid] = field
            return .count(before - field.listOptions.count)

        case .addTreeOption(let uid, let name, let key, let parentHash):
            let key = key.flatMap(Self.nonEmpty)
            let (valid, parent, keyed, serial): (String, String?, Int?, Int)
            do {
                // Looked up, not scanned; and no copy of the options outlives this block, so the field changes in place.
                let options = try customField(uid, of: .tree).treeOptions
                valid = try Self.requireName(name)
                parent = Self.nonEmpty(parentHash ?? "").flatMap { $0 == "0" ? nil : $0 }
                if let parent, options.position(ofHash: parent) == nil { throw EstateError.unknown(kind: "option", id: parent) }
                keyed = key.flatMap(options.position(ofKey:))
                // A hash is never handed out twice, even by an estate read back from the API whose
                // counter only knows how many options there are now.
                var next = sequences.treeOption + 1
                while options.position(ofHash: Self.optionHash(field: uid, serial: next)) != nil { next += 1 }
                serial = next
            }
            if let keyed {
                customFields[uid]!.treeOptions[keyed].name = valid
            } else {
                sequences.treeOption = serial
                let hash = Self.optionHash(field: uid, serial: serial)
                customFields[uid]!.treeOptions.append(TreeOption(hash: hash, key: key ?? hash, name: valid, parentHash: parent))
            }
            return .done

        case .updateTreeOption(let uid, let hash, let name, let key):
            let (index, valid, newKey): (Int, String?, String?)
            do {
                // Checked on a copy that is gone before the field changes in place, as for an added option.
                let options = try customField(uid, of: .tree).treeOptions
                guard let found = options.position(ofHash: hash) else { throw EstateError.unknown(kind: "option", id: hash) }
                index = found
                valid = try name.map(Self.requireName)
                newKey = key.flatMap(Self.nonEmpty)
                if let newKey, options.positions(ofKey: newKey).contains(where: { options[$0].hash != hash }) {
                    throw EstateError.invalid("The key \(newKey) is already used by another option.")
                }
            }
            if let valid { customFields[uid]!.treeOptions[index].name = valid }
            if let newKey { customFields[uid]!.treeOptions[index].key = newKey }
            return .done

        case .deleteTreeOption(let uid, let hash):
            let erased: Set<String>
            do {
                let options = try customField(uid, of: .tree).treeOptions
                guard options.position(ofHash: hash) != nil else { throw EstateError.unknown(kind: "option", id: hash) }
                erased = options.subtree(of: hash)
            }
            customFields[uid]!.treeOptions.remove(hashes: erased)
            return .done

        case .createUser(let fields, _):
            return .created(id: try createUser(fields))
        case .updateUser(let id, let changes):
            try updateUser(id, changes)
            return .done
        case .disableUser(let id):
            try setDisabled(id, true)
            return .done
        case .enableUser(let id):
            try setDisabled(id, false)
            return .done
        }
    }
}
