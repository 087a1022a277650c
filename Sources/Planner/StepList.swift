import EstateModel
import InvGateWire

/// The steps of a plan as they are chosen, applied at once to a replay of the live estate so that
/// every later diff sees the earlier steps' side effects. Each step depends on the last earlier step
/// that touched any of the same objects, so independent steps can run concurrently and dependent
/// ones run in plan order, exactly as replayed.
struct StepList {
    private(set) var estate: Estate
    private(set) var steps: [Step] = []
    private var lastTouch: [Resource: Int] = [:]
    /// The objects a step of their own change names (a company's rename, a group's members): any other
    /// object a step changes changes as a side effect, even one a step of another change names (a
    /// company re-related to the group that replaces one of its groups).
    private var named: Set<Resource> = []
    /// Per object the plan erases: the step, and whether the step names it (else it goes by cascade).
    private var erasures: [ObjectID: (step: Int, named: Bool)] = [:]
    /// Per object the plan creates: the step that creates it.
    private var creations: [ObjectID: Int] = [:]
    /// The replay's locations and KB categories by path, refreshed for what each step touches.
    private(set) var locationPaths: PathIndex
    private(set) var kbCategoryPaths: PathIndex
    /// The replay's companies by the groups related to them, refreshed for each company a step touches.
    private var relations: CompanyGroups

    init(live: Estate) {
        self.estate = live
        self.locationPaths = .locations(of: live)
        self.kbCategoryPaths = .kbCategories(of: live)
        self.relations = CompanyGroups(live)
    }

    /// What an operation touches, for ordering.
    enum Resource: Hashable {
        case company(Int)
        case group(Int)
        case location(Int)
        case helpdesk(Int)
        case level(Int)
        case kbCategory(Int)
        case field(Int)
        case user(Int)

        /// The company, group or location that has the members.
        init(_ target: MembershipTarget) {
            switch target {
            case .company(let id): self = .company(id)
            case .group(let id): self = .group(id)
            case .location(let id): self = .location(id)
            }
        }

        /// The company, group, location, help desk or level that has the observers.
        init(_ entity: ObservedEntity) {
            switch entity {
            case .company(let id): self = .company(id)
            case .group(let id): self = .group(id)
            case .location(let id): self = .location(id)
            case .helpdesk(let id): self = .helpdesk(id)
            case .level(let id): self = .level(id)
            }
        }

        /// The kind of address that names it.
        var kind: Address.Kind {
            switch self {
            case .company: .company
            case .group: .group
            case .location: .location
            case .helpdesk: .helpdesk
            case .level: .level
            case .kbCategory: .kbCategory
            case .field: .customField
            case .user: .user
            }
        }
    }

    /// Appends `operation`, applies it to the replay and returns what the API would answer. `subject`
    /// is the object the step acts on when it is not `address`'s (a replace deletes the old name).
    @discardableResult
    mutating func add(_ operation: EstateOperation, for address: Address, subject: Address? = nil) throws(PlanError) -> OperationResult {
        var touched = resources(of: operation)
        // A member or observer change waits for the users the plan creates, without making the next one wait for it.
        let waits = createdUsers(operation)
        let result: OperationResult
        let optionsBefore = createdOptionField(operation).map { estate.customFields[$0]?.treeOptions.count ?? 0 }
        let erased = erasedObjects(operation)
        let newListKeys = newListOptions(operation)
        do {
            result = try estate.apply(operation)
        } catch {
            throw .inconsistent(
                "\(address): the replay refused \(operation.wireCall.method.rawValue) \(operation.wireCall.endpoint.rawValue): \(error)")
        }
        var creates: ProvisionalObject?
        if case .created(let id) = result {
            switch operation {
            case .createCompany:
                creates = .company(id)
                touched.insert(.company(id))
            case .createGroup:
                creates = .group(id)
                touched.insert(.group(id))
            case .createLocation:
                creates = .location(id)
                touched.insert(.location(id))
            case .createKBCategory:
                creates = .kbCategory(id)
                touched.insert(.kbCategory(id))
            case .createUser:
                creates = .user(id)
                touched.insert(.user(id))
            default: break
            }
        }
        if let field = createdOptionField(operation), let before = optionsBefore,
            let options = estate.customFields[field]?.treeOptions, options.count > before
        {
            creates = .treeOption(field: field, hash: options.last!.hash)
        }
        for resource in touched {
            switch resource {
            case .location(let id): locationPaths.refresh(id, to: estate.locations[id].map { ($0.name, $0.parentID) })
            case .kbCategory(let id): kbCategoryPaths.refresh(id, to: estate.kbCategories[id].map { ($0.name, $0.parentID) })
            case .company(let id): relations.refresh(id, to: estate.companies[id]?.groups ?? [])
            default: break
            }
        }
        let dependsOn = Set(touched.union(waits).compactMap { lastTouch[$0] }).sorted()
        let id = steps.count
        for resource in touched { lastTouch[resource] = id }
        if let subject = Self.subject(of: operation), subject.kind == address.kind { named.insert(subject) }
        for (object, named) in erased { erasures[object] = (id, named) }
        for object in newListKeys { creations[object] = id }
        switch creates {
        case .company(let new): creations[.company(new)] = id
        case .group(let new): creations[.group(new)] = id
        case .location(let new): creations[.location(new)] = id
        case .kbCategory(let new): creations[.kbCategory(new)] = id
        case .user(let new): creations[.user(new)] = id
        case .treeOption(let field, let hash): creations[.treeOption(field: field, hash: hash)] = id
        case nil: break
        }
        steps.append(Step(id: id, operation: operation, address: address, subject: subject, dependsOn: dependsOn, creates: creates))
        return result
    }

    /// The plan's outcome: the live estate against the replay as it is now, each object with the step
    /// that created, last changed or erased it.
    func outcome(from live: Estate) throws(PlanError) -> Outcome {
        let before = live.countedObjects()
        let after = estate.countedObjects()
        var outcome = Outcome()
        let options = (live: OptionIndex(live), replay: OptionIndex(estate))
        func entry(
            _ object: ObjectID, in named: Estate, step: Int?, cascade: (Address, Address) -> Bool
        ) throws(PlanError) -> Outcome.Entry {
            let address = named.address(of: object)
            guard let step else { throw .inconsistent("\(address) changes in the replay, but no step of the plan touches it") }
            let cause = steps[step].address
            return Outcome.Entry(address: address, step: step, cause: cause, cascade: cascade(address, cause))
        }
        for object in before.subtracting(after) {
            outcome.destroyed.append(try entry(object, in: live, step: erasures[object]?.step) { _, _ in erasures[object]?.named == false })
        }
        for object in after.subtracting(before) {
            outcome.created.append(try entry(object, in: estate, step: creations[object]) { _, _ in false })
        }
        for object in before.intersection(after) where live.differs(object, from: estate, options: (options.live, options.replay)) {
            // A person is never deleted: an account disabled is what the plan destroys of one, one enabled what it adds.
            if case .user(let id) = object, let old = live.users[id], let new = estate.users[id], old.isDisabled != new.isDisabled {
                if new.isDisabled {
                    outcome.destroyed.append(try entry(object, in: live, step: erasures[object]?.step) { _, _ in false })
                } else {
                    outcome.created.append(try entry(object, in: estate, step: creations[object]) { _, _ in false })
                }
                continue
            }
            outcome.changed.append(
                try entry(object, in: live, step: lastTouch[object.resource]) { address, _ in
                    address.kind != .option && !named.contains(object.resource)
                })
        }
        let order = { (a: Outcome.Entry, b: Outcome.Entry) in (a.address, a.step) < (b.address, b.step) }
        outcome.created.sort(by: order)
        outcome.changed.sort(by: order)
        outcome.destroyed.sort(by: order)
        return outcome
    }

    /// What a deletion erases in the replay as it is now, and whether the operation names each object
    /// (the rest goes by cascade: sublocations, subcategories, child options).
    private func erasedObjects(_ operation: EstateOperation) -> [(ObjectID, Bool)] {
        switch operation {
        case .deleteCompany(let id):
            return estate.companies[id] == nil ? [] : [(.company(id), true)]
        case .deleteGroup(let id):
            return estate.groups[id] == nil ? [] : [(.group(id), true)]
        case .deleteLocation(let id):
            guard estate.locations[id] != nil else { return [] }
            return locationPaths.subtree(of: id).map { (.location($0), $0 == id) }
        case .deleteKBCategory(let id):
            guard estate.kbCategories[id] != nil else { return [] }
            return kbCategoryPaths.subtree(of: id).map { (.kbCategory($0), $0 == id) }
        case .deleteListOptions(let field, let keys):
            let present = Set(estate.customFields[field]?.listOptions.map(\.key) ?? [])
            return keys.filter(present.contains).map { (.listOption(field: field, key: $0), true) }
        case .deleteTreeOption(let field, let hash):
            guard let options = estate.customFields[field], options.treeOptions.position(ofHash: hash) != nil else { return [] }
            return options.treeOptions.subtree(of: hash).map { (.treeOption(field: field, hash: $0), $0 == hash) }
        case .disableUser(let id):
            // A disabled account is what deskform destroys of a person: it counts as a deletion.
            return estate.users[id]?.isActive == true ? [(.user(id), true)] : []
        default:
            return []
        }
    }

    /// The object an operation names, nil for a create (its object is new).
    private static func subject(of operation: EstateOperation) -> Resource? {
        switch operation {
        case .createCompany, .createGroup, .createLocation, .createKBCategory, .createUser: nil
        case .updateCompany(let id, _, _), .deleteCompany(let id), .relateGroups(let id, _), .unrelateGroups(let id, _, _): .company(id)
        case .deleteGroup(let id): .group(id)
        case .deleteLocation(let id): .location(id)
        case .addMembers(let target, _), .removeMembers(let target, _): Resource(target)
        case .addObservers(let entity, _), .removeObservers(let entity, _): Resource(entity)
        case .updateKBCategory(let id, _, _), .deleteKBCategory(let id): .kbCategory(id)
        case .upsertListOptions(let field, _), .deleteListOptions(let field, _), .addTreeOption(let field, _, _, _),
            .updateTreeOption(let field, _, _, _), .deleteTreeOption(let field, _):
            .field(field)
        case .updateUser(let id, _), .disableUser(let id), .enableUser(let id): .user(id)
        }
    }

    /// The list options an upsert adds (rather than changes), and the account an enable brings back.
    private func newListOptions(_ operation: EstateOperation) -> [ObjectID] {
        if case .enableUser(let id) = operation, let user = estate.users[id], !user.isDeleted, user.isDisabled {
            return [.user(id)]
        }
        guard case .upsertListOptions(let field, let options) = operation else { return [] }
        let present = Set(estate.customFields[field]?.listOptions.map(\.key) ?? [])
        return options.filter { !present.contains($0.key) }.map { .listOption(field: field, key: $0.key) }
    }

    /// The users of a member or observer change that the plan creates: the change waits for them.
    private func createdUsers(_ operation: EstateOperation) -> [Resource] {
        switch operation {
        case .addMembers(_, let users), .removeMembers(_, let users), .addObservers(_, let users), .removeObservers(_, let users):
            users.filter { creations[.user($0)] != nil }.map(Resource.user)
        default: []
        }
    }

    private func createdOptionField(_ operation: EstateOperation) -> Int? {
        if case .addTreeOption(let field, _, _, _) = operation { return field }
        return nil
    }

    /// The objects an operation reads or changes, side effects included, in the replay as it is now.
    private func resources(of operation: EstateOperation) -> Set<Resource> {
        switch operation {
        case .createCompany, .createGroup:
            return []
        case .updateCompany(let id, _, _):
            return [.company(id)]
        case .deleteCompany(let id):
            return [.company(id)]
        case .relateGroups(let company, let groups), .unrelateGroups(let company, let groups, _):
            return Set([.company(company)] + groups.map(Resource.group))
        case .deleteGroup(let id):
            return Set([.group(id)] + relations.companies(relating: id).map(Resource.company))
        case .createLocation(_, let parent):
            return parent.map { [.location($0)] } ?? []
        case .deleteLocation(let id):
            return Set(locationPaths.subtree(of: id).map(Resource.location))
        case .addMembers(let target, _), .removeMembers(let target, _):
            // A company's members join and leave its groups too.
            let groups = if case .company(let id) = target { estate.companies[id]?.groups ?? [] } else { Set<Int>() }
            return Set([Resource(target)] + groups.map(Resource.group))
        case .addObservers(let entity, _), .removeObservers(let entity, _):
            return [Resource(entity)]
        case .createKBCategory(_, let parent):
            return parent.map { [.kbCategory($0)] } ?? []
        case .updateKBCategory(let id, _, let parent):
            var touched: Set<Resource> = [.kbCategory(id)]
            if let parent, parent != 0 { touched.insert(.kbCategory(parent)) }
            // Every category above it until it moves: deleting any of them would erase it with them.
            var above = estate.kbCategories[id]?.parentID
            while let ancestor = above, ancestor != 0, touched.insert(.kbCategory(ancestor)).inserted {
                above = estate.kbCategories[ancestor]?.parentID
            }
            return touched
        case .deleteKBCategory(let id):
            return Set(kbCategoryPaths.subtree(of: id).map(Resource.kbCategory))
        case .upsertListOptions(let field, _), .deleteListOptions(let field, _), .addTreeOption(let field, _, _, _),
            .updateTreeOption(let field, _, _, _), .deleteTreeOption(let field, _):
            return [.field(field)]
        case .createUser(let fields, _):
            return fields.managerID.map { [.user($0)] } ?? []
        case .updateUser(let id, let changes):
            return Set([.user(id)] + (changes.managerID.map { [Resource.user($0)] } ?? []))
        case .disableUser(let id), .enableUser(let id):
            return [.user(id)]
        }
    }
}
