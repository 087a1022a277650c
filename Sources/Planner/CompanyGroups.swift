import EstateModel

/// The groups related to each company, and the companies each group is related to, so that deleting a
/// group finds the companies it leaves in one look-up instead of a scan of every company. Built once per
/// plan; ``StepList`` keeps the replay's in step, refreshing each company a step touches (a group's
/// deletion touches the companies it leaves).
struct CompanyGroups {
    private var groupsOf: [Int: Set<Int>] = [:]
    private var companiesOf: [Int: Set<Int>] = [:]

    init(_ estate: Estate) {
        for company in estate.companies.values { refresh(company.id, to: company.groups) }
    }

    /// Re-reads the groups of company `id` after a step (none: it was deleted).
    mutating func refresh(_ id: Int, to groups: Set<Int>) {
        let old = groupsOf[id] ?? []
        guard old != groups else { return }
        for group in old.subtracting(groups) { companiesOf[group]?.remove(id) }
        for group in groups.subtracting(old) { companiesOf[group, default: []].insert(id) }
        groupsOf[id] = groups.isEmpty ? nil : groups
    }

    /// The companies `group` is related to.
    func companies(relating group: Int) -> Set<Int> {
        companiesOf[group] ?? []
    }
}
