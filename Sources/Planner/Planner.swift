import Estate

/// Turns desired × live into a ``Plan``. Pure: no I/O.
///
/// Steps are chosen phase by phase against a replay of the live estate (``StepList``), so each diff
/// sees what the earlier steps did, side effects included: a user removed from a company also leaves
/// the company's groups, so a group membership the manifests want is re-added after that removal.
/// The replay at the end of the plan must equal the desired state on everything managed, or planning
/// fails with ``PlanError/doesNotConverge(_:)``.
public struct Planner {
    public let desired: DesiredState
    public let live: Estate
    /// The kinds whose live objects were read; others are neither counted nor pruned.
    public let fetched: Set<ObjectKind>

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

    public init(desired: DesiredState, live: Estate, fetched: Set<ObjectKind>) {
        self.desired = desired
        self.live = live
        self.fetched = fetched
        self.steps = StepList(live: live)
        self.declaredGroups = Dictionary(
            desired.groups.enumerated().filter { !$0.element.absent }.map { ($0.element.name, $0.offset) }, uniquingKeysWith: { first, _ in first })
        self.liveGroups = LiveIndex(live.groups.values, name: \.name)
    }

    /// Plans and checks the replay. Throws every protect and ambiguity problem together.
    public static func plan(desired: DesiredState, live: Estate, fetched: Set<ObjectKind>) throws(PlanErrors) -> Plan {
        var planner = Planner(desired: desired, live: live, fetched: fetched)
        do {
            try planner.planAll()
        } catch {
            planner.errors.append(error)
        }
        guard planner.errors.isEmpty else { throw PlanErrors(planner.errors) }
        let plan = Plan(
            changes: planner.changeOrder.sorted().map { planner.changes[$0]! }, steps: planner.steps.steps,
            unmanaged: planner.unmanaged.filter { $0.value > 0 })
        // The step list applied every step to its replay as it chose it, in plan order: that estate is
        // the plan's replay from the live one, so it is checked as it is rather than replayed again.
        let mismatches = Convergence.mismatches(desired: desired, replayed: planner.steps.estate, fetched: fetched)
        guard mismatches.isEmpty else { throw PlanErrors([.doesNotConverge(mismatches)]) }
        return plan
    }

    /// Applies every step of `plan` to `live`, in order, with the API's semantics.
    public static func replay(_ plan: Plan, on live: Estate) throws(PlanErrors) -> Estate {
        var estate = live
        for step in plan.steps {
            do {
                try estate.apply(step.operation)
            } catch {
                throw PlanErrors([.inconsistent("step \(step.id) (\(step.address)) is refused on replay: \(error)")])
            }
        }
        return estate
    }

    mutating func planAll() throws(PlanError) {
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
        try planCompanyRelations(.relate)
        try planGroupMembers()
        try planLocationRelations()
        try planObservers()
        try planCustomFields()
        try planDeletions(companies: companies, groups: groups)
    }

    // MARK: Recording changes

    /// The change for `address`, created with `action` when there is none yet.
    mutating func change(_ address: Address, _ action: Change.Action, reason: String, before: [String: String]? = nil, after: [String: String]? = nil) {
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

    mutating func relationChange(_ address: Address, _ relation: String, added: [String], removed: [String]) {
        guard !added.isEmpty || !removed.isEmpty else { return }
        change(address, .update, reason: "relations differ")
        changes[address]!.relations.append(RelationChange(relation: relation, added: added, removed: removed))
    }

    mutating func consequence(_ address: Address, _ text: String) {
        changes[address]?.consequences.append(text)
    }

    /// Usernames for display, in id order.
    func userNames(_ ids: some Collection<Int>) -> [String] {
        ids.sorted().map { live.users[$0]?.username ?? "#\($0)" }
    }
}

/// Every reason a plan cannot be made, reported together.
public struct PlanErrors: Error, Equatable, Sendable, CustomStringConvertible {
    public var errors: [PlanError]

    public init(_ errors: [PlanError]) {
        self.errors = errors
    }

    public var description: String { errors.map { "error: \($0)" }.joined(separator: "\n") }
}
