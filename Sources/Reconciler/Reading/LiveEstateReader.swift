import EstateModel
import InvGateAPI
import InvGateWire
import Logging

/// Reads the live estate through the API with bounded concurrency: each list endpoint once,
/// observers with one call per kind, memberships per entity or through `users.groups` in batches
/// (whichever needs fewer calls), custom field options only for the fields asked for. No call twice.
package struct LiveEstateReader: Sendable {
    package let client: InvGateClient
    package let parallelism: Int
    /// Users per `users.groups` call.
    package let membershipBatchSize: Int
    let logger: Logger

    package init(client: InvGateClient, parallelism: Int = 8, membershipBatchSize: Int = 200, logger: Logger) {
        self.client = client
        self.parallelism = max(1, parallelism)
        self.membershipBatchSize = max(1, membershipBatchSize)
        self.logger = logger
    }

    /// One answer of a list endpoint.
    enum Listing: Sendable {
        case users([UserRecord])
        case companies([CompanyRecord])
        case groups([GroupRecord])
        case locations([LocationRecord])
        case helpdesks([HelpDeskRecord])
        case helpdesksAndLevels([LevelRecord])
        case kbCategories([KBCategoryRecord])
        case customFields([CustomFieldRecord])
        case customFieldTypes([CustomFieldTypeRecord])
        case observers(ObservedEntity.Kind, [ObserversRecord])
    }

    /// One answer of a per-entity call.
    enum Detail: Sendable {
        case relatedGroups(company: Int, [GroupRecord])
        case members(MembershipTarget.Kind, id: Int, [MemberRecord])
        case memberships([UserMembershipsRecord])
        case listOptions(field: Int, [FormValue.KeyValue])
        case treeOptions(field: Int, [TreeOptionRecord])
    }

    package func read(_ scope: FetchScope) async throws(InvGateError) -> Estate {
        var sources: [ListSource] = [.users]
        for kind in ObjectKind.allCases where scope.reads(kind) {
            sources += Self.lists(of: kind).filter { !sources.contains($0) }
        }
        let listings = sources.map(list)

        // One pool for everything: each list's per-entity calls join it as soon as the lists they
        // need have arrived, so a slow list (users) does not hold up the others' details.
        var estate = Estate(customFieldTypes: [])
        var received = Set<ListingKind>()
        var queued = Set<DetailKind>()
        do {
            try await withThrowingTaskGroup(of: Answer.self) { group in
                // Lists first: the per-entity calls wait on them.
                var lists: [@Sendable () async throws -> Answer] = listings.map { listing in { .listing(try await listing()) } }
                var details: [@Sendable () async throws -> Answer] = []
                var running = 0
                func fill() {
                    while running < parallelism, !lists.isEmpty || !details.isEmpty {
                        group.addTask(operation: lists.isEmpty ? details.removeFirst() : lists.removeFirst())
                        running += 1
                    }
                }
                fill()
                while let answer = try await group.next() {
                    running -= 1
                    switch answer {
                    case .listing(let listing):
                        estate.record(listing)
                        received.insert(listing.kind)
                    case .detail(let detail): estate.record(detail)
                    }
                    for kind in DetailKind.allCases where !queued.contains(kind) && isReady(kind, received: received, scope: scope) {
                        queued.insert(kind)
                        let calls = detailCalls(kind, for: estate, scope: scope)
                        details = Self.spread(calls.map { call in { .detail(try await call()) } }, among: details)
                    }
                    fill()
                }
            }
        } catch let error as InvGateError {
            throw error
        } catch {
            throw InvGateError(.version, .get, .unreachable(String(describing: error)))
        }
        estate.advanceSequences()
        // How many requests that took is the transport's to count (pages and retries included): the
        // CLI says it once, in its "Read the instance in N requests" line.
        logger.debug("read the live estate")
        return estate
    }

    /// `calls` spread evenly among the `pending` ones, the first of them first: the kinds of per-entity
    /// calls differ in weight (a `users.groups` batch is two hundred users, a company's groups a handful),
    /// and a kind queued behind the others would make a tail of slow answers of its own at the end.
    package static func spread<Call>(_ calls: [Call], among pending: [Call]) -> [Call] {
        guard !calls.isEmpty else { return pending }
        var merged: [Call] = []
        merged.reserveCapacity(pending.count + calls.count)
        var next = 0
        for (index, call) in calls.enumerated() {
            merged.append(call)
            let upTo = pending.count * (index + 1) / calls.count
            merged += pending[next..<upTo]
            next = upTo
        }
        return merged
    }

    /// A list endpoint the reader reads.
    enum ListSource: Hashable {
        case users, companies, groups, locations, helpdesks, levels, kbCategories, customFields, customFieldTypes
        case observers(ObservedEntity.Kind)
    }

    /// The lists read for `kind` (users are read for every kind); its per-object calls are ``detailCalls``.
    static func lists(of kind: ObjectKind) -> [ListSource] {
        switch kind {
        // A company's related groups are named: the group list is read with them.
        case .companies: [.companies, .observers(.company), .groups]
        case .groups: [.groups, .observers(.group)]
        case .locations: [.locations, .observers(.location)]
        case .helpdesks: [.helpdesks, .levels, .observers(.helpdesk), .observers(.level)]
        case .kbCategories: [.kbCategories]
        case .customFields: [.customFields, .customFieldTypes]
        case .users: []
        }
    }

    func list(_ source: ListSource) -> @Sendable () async throws -> Listing {
        let client = self.client
        return switch source {
        case .users: { .users(try await client.users(includeDisabled: true)) }
        case .companies: { .companies(try await client.companies()) }
        case .groups: { .groups(try await client.groups()) }
        case .locations: { .locations(try await client.locations()) }
        case .helpdesks: { .helpdesks(try await client.helpdesks()) }
        case .levels: { .helpdesksAndLevels(try await client.helpdesksAndLevels()) }
        case .kbCategories: { .kbCategories(try await client.kbCategories()) }
        case .customFields: { .customFields(try await client.customFields()) }
        case .customFieldTypes: { .customFieldTypes(try await client.customFieldTypes()) }
        case .observers(let kind): { .observers(kind, try await client.observers(of: kind)) }
        }
    }

    enum Answer: Sendable {
        case listing(Listing)
        case detail(Detail)
    }

    /// The three sets of per-entity calls, each waiting on the lists it needs.
    enum DetailKind: CaseIterable {
        case relatedGroups, memberships, options
    }

    enum ListingKind: Hashable {
        case users, companies, groups, locations, customFields, customFieldTypes, other
    }

    /// Whether the lists `kind` needs have all been read.
    func isReady(_ kind: DetailKind, received: Set<ListingKind>, scope: FetchScope) -> Bool {
        let needed: Set<ListingKind> =
            switch kind {
            case .relatedGroups: scope.reads(.companies) ? [.companies] : []
            case .memberships:
                Set(
                    [.users] + (scope.reads(.companies) ? [.companies] : []) + (scope.reads(.groups) ? [.groups] : [])
                        + (scope.reads(.locations) ? [.locations] : []))
            case .options: scope.reads(.customFields) ? [.customFields, .customFieldTypes] : []
            }
        return needed.isSubset(of: received)
    }

    /// The per-entity calls of one kind, given the lists they need.
    func detailCalls(_ kind: DetailKind, for estate: Estate, scope: FetchScope) -> [@Sendable () async throws -> Detail] {
        let client = self.client
        var calls: [@Sendable () async throws -> Detail] = []
        switch kind {
        case .relatedGroups:
            for company in estate.companies.keys.sorted() {
                calls.append { .relatedGroups(company: company, try await client.companyGroups(company: company)) }
            }
        case .memberships:
            var memberTargets: [(MembershipTarget.Kind, [Int])] = []
            if scope.reads(.companies) { memberTargets.append((.company, estate.companies.keys.sorted())) }
            if scope.reads(.groups) { memberTargets.append((.group, estate.groups.keys.sorted())) }
            if scope.reads(.locations) { memberTargets.append((.location, estate.locations.keys.sorted())) }
            let strategy = MembershipStrategy.cheapest(
                entities: memberTargets.reduce(0) { $0 + $1.1.count }, users: estate.users.count, batchSize: membershipBatchSize)
            switch strategy {
            case .perEntity:
                for (kind, ids) in memberTargets {
                    for id in ids { calls.append { .members(kind, id: id, try await client.members(of: kind, id: id)) } }
                }
            case .batched:
                let users = estate.users.keys.sorted()
                for start in stride(from: 0, to: users.count, by: membershipBatchSize) {
                    let batch = Array(users[start..<min(start + membershipBatchSize, users.count)])
                    calls.append { .memberships(try await client.userMemberships(ids: batch)) }
                }
            case .none:
                break
            }
        case .options:
            for field in estate.customFields.values.sorted(by: { $0.uid < $1.uid })
            where scope.includesField(label: field.label, uid: field.uid) {
                let uid = field.uid
                switch estate.fieldKind(field) {
                case .list: calls.append { .listOptions(field: uid, try await client.listOptions(field: uid)) }
                case .tree: calls.append { .treeOptions(field: uid, try await client.treeOptions(field: uid)) }
                case .other: break
                }
            }
        }
        return calls
    }
}

/// How memberships are read: one call per entity, or `users.groups` for batches of users.
enum MembershipStrategy: Equatable {
    case none, perEntity, batched

    /// The strategy with fewer calls; per entity on a tie (its answers are exact per entity).
    static func cheapest(entities: Int, users: Int, batchSize: Int) -> MembershipStrategy {
        guard entities > 0 else { return .none }
        let batches = (users + batchSize - 1) / batchSize
        return batches < entities ? .batched : .perEntity
    }
}
