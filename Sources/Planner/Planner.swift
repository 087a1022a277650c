import EstateModel

/// Turns desired × live into a ``Plan``. Pure: no I/O.
///
/// Steps are chosen phase by phase against a replay of the live estate (``StepList``), so each diff
/// sees what the earlier steps did, side effects included: a user removed from a company also leaves
/// the company's groups, so a group membership the manifests want is re-added after that removal.
/// The replay at the end of the plan must equal the desired state on everything managed, or planning
/// fails with ``PlanError/doesNotConverge(_:)``.
package struct Planner {
    let desired: DesiredState
    let live: Estate
    /// The kinds the manifests plan (declare or prune), read in full; others (those read only because a
    /// step can change them as a side effect) are neither counted as unmanaged nor pruned.
    let fetched: Set<ObjectKind>

    var steps: StepList
    var changes: [Address: Change] = [:]
    var changeOrder: [Address] = []
    var errors: [PlanError] = []
    var unmanaged: [ObjectKind: Int] = [:]
    /// Per desired company / group, its id in the replay once created or matched (nil: absent).
    var companyIDs: [Int?] = []
    var groupIDs: [Int?] = []
    /// Relations of replaced groups that the manifests leave unmanaged, re-applied to the new group.
    var groupCarryOver: [Int: GroupRelations] = [:]
    /// Declared (not absent) groups by name, to their index in `desired.groups`; live groups by name.
    let declaredGroups: [String: Int]
    let liveGroups: LiveIndex<Group>
    /// The live KB categories by path, and the paths of the declared (not absent) ones.
    let liveKBCategoryPaths: PathIndex
    let declaredKBCategoryPaths: Set<[String]>
    /// The users' side of the memberships, per kind of target.
    let userSides: [MembershipTarget.Kind: DesiredState.UserMemberships]

    init(desired: DesiredState, live: Estate, fetched: Set<ObjectKind>) {
        self.desired = desired
        self.live = live
        self.fetched = fetched
        self.steps = StepList(live: live)
        self.declaredGroups = Dictionary(
            desired.groups.enumerated().filter { !$0.element.absent }.map { ($0.element.name, $0.offset) },
            uniquingKeysWith: { first, _ in first })
        self.liveGroups = LiveIndex(live.groups.values, name: \.name)
        self.liveKBCategoryPaths = .kbCategories(of: live)
        self.declaredKBCategoryPaths = Set(desired.kbCategories.filter { !$0.absent }.map(\.path))
        self.userSides = Dictionary(uniqueKeysWithValues: MembershipTarget.Kind.allCases.map { ($0, desired.userMemberships($0)) })
    }

    /// Plans and checks the replay. Throws every protect and ambiguity problem together.
    /// `warnings` (what the manifests' reading noticed, with its place) travel with the plan, so that
    /// JSON and Markdown readers see them too.
    package static func plan(
        desired: DesiredState, live: Estate, fetched: Set<ObjectKind>, warnings: [String] = []
    ) throws(PlanFailure) -> Plan {
        let desired = desired.numberingNewUsers(for: live)
        var planner = Planner(desired: desired, live: live, fetched: fetched)
        do {
            try planner.planAll()
        } catch {
            planner.errors.append(error)
        }
        guard planner.errors.isEmpty else { throw PlanFailure(planner.errors) }
        // The step list applied every step to its replay as it chose it, in plan order: that estate is
        // the plan's replay from the live one, so it is checked and counted as it is, not replayed again.
        let mismatches = Convergence.mismatches(desired: desired, replayed: planner.steps.estate, fetched: fetched)
        guard mismatches.isEmpty else { throw PlanFailure([.doesNotConverge(mismatches)]) }
        let outcome: Outcome
        do {
            outcome = try planner.steps.outcome(from: live)
        } catch {
            throw PlanFailure([error])
        }
        let protected = desired.protectedAddresses
        let cascades = planner.cascadeErrors(outcome, protected: protected)
        guard cascades.isEmpty else { throw PlanFailure(cascades) }
        planner.describeCascades(outcome)
        return Plan(
            changes: planner.changeOrder.sorted().map { planner.changes[$0]! }, steps: planner.steps.steps,
            unmanaged: planner.unmanaged.filter { $0.value > 0 }, warnings: warnings, outcome: outcome,
            maxDeletes: desired.policy.maxDeletes, protected: protected.sorted(), ignore: desired.policy.ignore,
            targeting: desired.policy.targeting, pulledIn: desired.pulledIn)
    }

    /// A protected or ignored object that a step erases without naming it (with its parent, by a
    /// replace), or an ignored one it changes as a side effect of the API: the plan fails, at the change
    /// that asks for the step.
    func cascadeErrors(_ outcome: Outcome, protected: Set<Address>) -> [PlanError] {
        let changed = outcome.changed.filter(\.cascade).compactMap { entry -> PlanError? in
            guard entry.address.kind != .option, let pattern = desired.policy.ignorePattern(matching: entry.address.name) else { return nil }
            return .changedBySideEffect(entry.address, by: entry.cause, why: "it matches policy.ignore \"\(pattern)\"")
        }
        return changed + outcome.destroyed.filter(\.cascade).compactMap { entry in
            if protected.contains(entry.address) {
                return .erasedByCascade(entry.address, by: entry.cause, why: "it is protected")
            }
            if entry.address.kind != .option, let pattern = desired.policy.ignorePattern(matching: entry.address.name) {
                return .erasedByCascade(entry.address, by: entry.cause, why: "it matches policy.ignore \"\(pattern)\"")
            }
            return nil
        }
    }

    /// Lists under each change what its steps erase or change besides its own object.
    mutating func describeCascades(_ outcome: Outcome) {
        let erasedBy = Dictionary(grouping: outcome.destroyed.filter(\.cascade), by: \.cause)
        let touchedBy = Dictionary(grouping: outcome.changed.filter(\.cascade), by: \.cause)
        for address in changeOrder {
            let erased = (erasedBy[address] ?? []).map(\.address.description)
            if !erased.isEmpty { changes[address]!.consequences.append("erases \(erased.joined(separator: ", "))") }
            let touched = (touchedBy[address] ?? []).filter { changes[$0.address] == nil }
            if !touched.isEmpty {
                changes[address]!.consequences.append(
                    "also changes \(touched.map(\.address.description).joined(separator: ", ")) (a side effect of the API)")
            }
        }
    }

    /// Applies every step of `plan` to `live`, in order, with the API's semantics. As `apply` does, each
    /// object a step creates takes the id (or hash) the estate hands out, and later steps' provisional
    /// ids are rewritten to it: a plan with steps left out (`--hold-deletes`) replays as it would apply.
    package static func replay(_ plan: Plan, on live: Estate) throws(PlanFailure) -> Estate {
        try replay(plan.steps, on: live)
    }

    /// Applies `steps` (some of a plan's, in its order) to `live`, as ``replay(_:on:)`` does.
    package static func replay(_ steps: [Step], on live: Estate) throws(PlanFailure) -> Estate {
        var estate = live
        let provisional = Set(steps.compactMap(\.creates))
        var learned: [ProvisionalObject: ProvisionalObject] = [:]
        for step in steps {
            let operation = step.operation.rewriting { provisional.contains($0) ? learned[$0] ?? $0 : $0 }
            let optionsBefore =
                if case .addTreeOption(let field, _, _, _) = operation { estate.customFields[field]?.treeOptions.count ?? 0 } else { 0 }
            let result: OperationResult
            do {
                result = try estate.apply(operation)
            } catch {
                throw PlanFailure([.inconsistent("step \(step.id) (\(step.address)) is refused on replay: \(error)")])
            }
            switch (step.creates, result, operation) {
            case (.company(let id)?, .created(let real), _): learned[.company(id)] = .company(real)
            case (.group(let id)?, .created(let real), _): learned[.group(id)] = .group(real)
            case (.location(let id)?, .created(let real), _): learned[.location(id)] = .location(real)
            case (.kbCategory(let id)?, .created(let real), _): learned[.kbCategory(id)] = .kbCategory(real)
            case (.user(let id)?, .created(let real), _): learned[.user(id)] = .user(real)
            case (.treeOption(let field, let hash)?, _, .addTreeOption):
                // An added option is appended (an option whose key exists is renamed in place instead).
                if let options = estate.customFields[field]?.treeOptions, options.count > optionsBefore {
                    learned[.treeOption(field: field, hash: hash)] = .treeOption(field: field, hash: options.last!.hash)
                }
            default: break
            }
        }
        return estate
    }

    mutating func planAll() throws(PlanError) {
        try planUsers()
        let companies = try matchCompanies()
        let groups = try matchGroups()
        try planReplacedGroups(groups)
        try planLocations()
        try planKBCategories()
        try planCompanyObjects(companies)
        try planGroupObjects(groups)
        // Un-relate before members change (so a removed member does not leave groups being un-related),
        // relate after (so new relations do not pull the company's new members into the groups).
        try planCompanyRelations(.unrelate)
        try planCompanyMembers()
        try planUserSideMembers(.company)
        try planCompanyRelations(.relate)
        try planGroupMembers()
        try planUserSideMembers(.group)
        try planLocationRelations()
        try planUserSideMembers(.location)
        try planObservers()
        try planCustomFields()
        try planDeletions(companies: companies, groups: groups)
    }

    // MARK: Recording changes

    /// The change for `address`, created with `action` when there is none yet.
    mutating func change(
        _ address: Address, _ action: Change.Action, reason: String, before: [String: String]? = nil, after: [String: String]? = nil
    ) {
        if changes[address] == nil {
            changeOrder.append(address)
            changes[address] = Change(address: address, action: action, before: before, after: after, reason: reason)
        } else if action != .update {
            changes[address]!.action = action
            changes[address]!.reason = reason
            if before != nil { changes[address]!.before = before }
            if after != nil { changes[address]!.after = after }
        }
    }

    mutating func relationChange(_ address: Address, _ relation: String, added: [String], removed: [String], changed: [String] = []) {
        guard !added.isEmpty || !removed.isEmpty || !changed.isEmpty else { return }
        change(address, .update, reason: "relations differ")
        changes[address]!.relations.append(RelationChange(relation: relation, added: added, removed: removed, changed: changed))
    }

    mutating func consequence(_ address: Address, _ text: String) {
        changes[address]?.consequences.append(text)
    }

    /// Usernames for display, in id order (a new user's as the plan creates it).
    func userNames(_ ids: some Collection<Int>) -> [String] {
        ids.sorted().map(userName)
    }
}

/// Every reason a plan cannot be made, reported together.
package struct PlanFailure: Error, Equatable, Sendable, CustomStringConvertible {
    package var errors: [PlanError]

    package init(_ errors: [PlanError]) {
        self.errors = errors
    }

    package var description: String { errors.map { "error: \($0)" }.joined(separator: "\n") }
}
