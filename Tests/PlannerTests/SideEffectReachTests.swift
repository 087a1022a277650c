import EstateModel
import Planner
import Reconciler
import TestSupport
import Testing

/// `ObjectKind.sideEffects` is what the reader reads besides the kinds the manifests plan: it must hold
/// every kind `Estate.apply` changes. Every step of random plans, and every un-relating with
/// `unlink_users_too`, applied to random estates, changes only its own kind and the kinds it reaches.
@Suite("The reach of side effects: what a write can change, and so what is read")
struct SideEffectReachTests {
    /// The kinds whose managed state (each kind's descriptor's) differs between two estates. Memberships
    /// are written by username: a renamed user is the same member, so the other kinds are read with the
    /// users `before` has (and those `after` adds).
    static func changedKinds(_ before: Estate, _ after: Estate) -> Set<ObjectKind> {
        var sameUsers = after
        sameUsers.users = before.users.merging(after.users) { old, _ in old }
        return Set(
            ObjectKind.allCases.filter { kind in
                before.managedState(of: [kind]) != (kind == .users ? after : sameUsers).managedState(of: [kind])
            })
    }

    @Test("no write changes a kind outside its own and its side effects' reach")
    func reachHoldsEveryChange() throws {
        var checked = 0
        var reached: Set<ObjectKind> = []
        for seed in propertySeeds(150) {
            var generator = EstateGenerator(seed: seed)
            let live = generator.liveEstate()
            // Each deletion and un-relating with unlink_users_too on the live estate as it is, then a plan's
            // steps in order (their provisional ids are the replay's own, so they apply as they are).
            var single: [EstateOperation] = live.companies.values.flatMap { company -> [EstateOperation] in
                [.unrelateGroups(company: company.id, groups: company.groups.sorted(), unlinkUsers: true), .deleteCompany(id: company.id)]
            }
            single += live.groups.keys.map { .deleteGroup(id: $0) } + live.locations.keys.map { .deleteLocation(id: $0) }
            single += live.kbCategories.keys.map { .deleteKBCategory(id: $0) }
            var sequences = single.map { [$0] }
            if let plan = try? Planner.plan(desired: generator.desiredState(over: live), live: live, fetched: Set(ObjectKind.allCases)) {
                sequences.append(plan.steps.map(\.operation))
            }
            for operations in sequences {
                var estate = live
                for operation in operations {
                    let before = estate
                    guard (try? estate.apply(operation)) != nil else { continue }
                    let changed = Self.changedKinds(before, estate)
                    let allowed = operation.kind.sideEffects.union([operation.kind])
                    #expect(changed.isSubset(of: allowed), "seed \(seed): \(operation) changed \(changed.subtracting(allowed))")
                    reached.formUnion(changed.subtracting([operation.kind]))
                    checked += 1
                }
            }
        }
        #expect(checked > 1000)
        // Both reaches are exercised: a company's members reach its groups, a deleted group its companies.
        #expect(reached == [.companies, .groups])
    }

    @Test("the read scope: manifests that declare only groups read companies; only companies, groups in full")
    func scopeReadsWhatStepsReach() {
        let groups = FetchScope([.groups])
        #expect(groups.withSideEffects == FetchScope([.companies, .groups]))
        #expect(FetchScope([.companies]).withSideEffects == FetchScope([.companies, .groups]))
        let trees = FetchScope([.locations, .kbCategories], fields: ["Office"])
        #expect(trees.withSideEffects == trees)
    }
}
