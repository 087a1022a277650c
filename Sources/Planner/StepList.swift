import Estate

/// The steps of a plan as they are chosen, applied at once to a replay of the live estate so that
/// every later diff sees the earlier steps' side effects. Each step depends on the last earlier step
/// that touched any of the same objects, so independent steps can run concurrently and dependent
/// ones run in plan order, exactly as replayed.
struct StepList {
    private(set) var estate: Estate
    private(set) var steps: [Step] = []
    private var lastTouch: [Resource: Int] = [:]

    init(live: Estate) {
        self.estate = live
    }

    /// What an operation touches, for ordering.
    enum Resource: Hashable {
        case company(Int), group(Int), location(Int), helpdesk(Int), level(Int), kbCategory(Int), field(Int)
    }

    /// Appends `operation`, applies it to the replay and returns what the API would answer.
    @discardableResult
    mutating func add(_ operation: Operation, for address: Address) throws(PlanError) -> OperationResult {
        var touched = resources(of: operation)
        let result: OperationResult
        let optionsBefore = createdOptionField(operation).map { estate.customFields[$0]?.treeOptions.count ?? 0 }
        do {
            result = try estate.apply(operation)
        } catch {
            throw .inconsistent("\(address): the replay refused \(operation.wireCall.method.rawValue) \(operation.wireCall.endpoint.rawValue): \(error)")
        }
        var creates: ProvisionalObject?
        if case .created(let id) = result {
            switch operation {
            case .createCompany: creates = .company(id); touched.insert(.company(id))
            case .createGroup: creates = .group(id); touched.insert(.group(id))
            case .createLocation: creates = .location(id); touched.insert(.location(id))
            case .createKBCategory: creates = .kbCategory(id); touched.insert(.kbCategory(id))
            default: break
            }
        }
        if let field = createdOptionField(operation), let before = optionsBefore,
            let options = estate.customFields[field]?.treeOptions, options.count > before
        {
            creates = .treeOption(field: field, hash: options[before].hash)
        }
        let dependsOn = Set(touched.compactMap { lastTouch[$0] }).sorted()
        let id = steps.count
        for resource in touched { lastTouch[resource] = id }
        steps.append(Step(id: id, operation: operation, address: address, dependsOn: dependsOn, creates: creates))
        return result
    }

    private func createdOptionField(_ operation: Operation) -> Int? {
        if case .addTreeOption(let field, _, _, _) = operation { return field }
        return nil
    }

    /// The objects an operation reads or changes, side effects included, in the replay as it is now.
    private func resources(of operation: Operation) -> Set<Resource> {
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
            let relating = estate.companies.values.filter { $0.groups.contains(id) }.map { Resource.company($0.id) }
            return Set([.group(id)] + relating)
        case .createLocation(_, let parent):
            return parent.map { [.location($0)] } ?? []
        case .deleteLocation(let id):
            return Set(estate.locationSubtree(of: id).map(Resource.location))
        case .addMembers(let target, _), .removeMembers(let target, _):
            switch target {
            case .company(let id):
                let groups = estate.companies[id]?.groups ?? []
                return Set([.company(id)] + groups.map(Resource.group))
            case .group(let id): return [.group(id)]
            case .location(let id): return [.location(id)]
            }
        case .addObservers(let entity, _), .removeObservers(let entity, _):
            switch entity {
            case .company(let id): return [.company(id)]
            case .group(let id): return [.group(id)]
            case .location(let id): return [.location(id)]
            case .helpdesk(let id): return [.helpdesk(id)]
            case .level(let id): return [.level(id)]
            }
        case .createKBCategory(_, let parent):
            return parent.map { [.kbCategory($0)] } ?? []
        case .updateKBCategory(let id, _, let parent):
            var touched: Set<Resource> = [.kbCategory(id)]
            if let parent, parent != 0 { touched.insert(.kbCategory(parent)) }
            if let old = estate.kbCategories[id]?.parentID { touched.insert(.kbCategory(old)) }
            return touched
        case .deleteKBCategory(let id):
            return Set(estate.kbCategorySubtree(of: id).map(Resource.kbCategory))
        case .upsertListOptions(let field, _), .deleteListOptions(let field, _), .addTreeOption(let field, _, _, _),
            .updateTreeOption(let field, _, _, _), .deleteTreeOption(let field, _):
            return [.field(field)]
        }
    }
}
