import EstateModel
import Foundation
import Manifest
import Planner
import Reconciler
import Resolution
import TestSupport
import Testing

/// Random live estates and random manifests over them (renames, tombstones, removals, moves, protect
/// flags, stale references, prune and ignore policies, delete limits), written as YAML and loaded as a
/// user's would be: a manifest that validates and resolves either plans, or fails with an error at a
/// position; never with a plan that would not converge. Each declares a random subset of the kinds, and the
/// instance is read as the reader reads it for those: a plan's counts equal a recount of its replay on the
/// whole instance, so no step changes what was not read.
@Suite("Planner: manifests that validate plan truthfully")
struct TruthfulPlanPropertyTests {
    static let cases = 400

    @Test("a valid manifest plans or fails at a position, and the counts are the replay's")
    func validManifestsPlanTruthfully() throws {
        var planned = 0
        for seed in propertySeeds(Self.cases) {
            var generator = EstateGenerator(seed: seed)
            let instance = generator.liveEstate()
            let declared = generator.chance(0.5) ? Set(ObjectKind.allCases) : generator.declaredKinds()
            var desired = generator.desiredState(over: instance).declaring(declared)
            generator.edit(&desired, over: instance)
            let load = ManifestLoader().load(sources: [ManifestSource(path: "estate.yaml", text: ManifestWriter.yaml(desired))])
            guard load.isValid else { continue }
            // Read as the reader reads: the kinds planned, and those their steps reach as side effects.
            let scope = FetchScope(manifest: load.estate)
            let live = instance.asRead(scope.withSideEffects)
            let (resolved, diagnostics, places) = ReferenceResolver.resolve(load.estate, against: live)
            guard !diagnostics.containsErrors else { continue }
            let plan: Plan
            do {
                plan = try Planner.plan(desired: resolved, live: live, fetched: scope.kinds)
            } catch {
                for failure in error.errors {
                    switch failure {
                    case .doesNotConverge, .inconsistent:
                        Issue.record("seed \(seed): a manifest that validates reached an internal error: \(failure)")
                    case .protected(let address, _), .ambiguous(let address, _), .otherIdentity(let address, _, _):
                        #expect(places[address] != nil, "seed \(seed): \(failure) has no position")
                    case .erasedByCascade(let victim, let cause, _), .changedBySideEffect(let victim, let cause, _):
                        #expect(places[cause] != nil || places[victim] != nil, "seed \(seed): \(failure) has no position")
                    }
                }
                continue
            }
            planned += 1
            // Counted on the whole instance: a change to an object that was not read would show here.
            let replayed = try Planner.replay(plan, on: instance)
            let recount = Recount(live: instance, replayed: replayed)
            guard plan.summary == recount.summary else {
                Issue.record("seed \(seed): the plan says \(plan.summary), its replay \(recount.summary)")
                return
            }
            #expect(plan.deletions == recount.summary.destroy)
            #expect(plan.exceedsMaxDeletes == (recount.summary.destroy > resolved.policy.maxDeletes))
            // What --hold-deletes applies destroys nothing.
            do {
                let held = try Planner.replay(plan.holdingDeletions().plan, on: instance)
                #expect(Recount(live: instance, replayed: held).summary.destroy == 0, "seed \(seed)")
            } catch {
                Issue.record("seed \(seed): what --hold-deletes keeps does not replay: \(error)")
            }
        }
        #expect(planned > Self.cases / 2, "only \(planned) of \(Self.cases) manifests planned")
    }
}

/// Objects counted from scratch, apart from the planner: present only before (destroyed), only after
/// (created), or in both but different (changed); observer groups are read-only and not compared.
struct Recount {
    var summary = Plan.Summary()

    init(live: Estate, replayed: Estate) {
        func count<Key: Hashable, Value: Equatable>(_ before: [Key: Value], _ after: [Key: Value]) {
            for (key, value) in before {
                if let next = after[key] {
                    if next != value { summary.change += 1 }
                } else {
                    summary.destroy += 1
                }
            }
            summary.add += after.keys.filter { before[$0] == nil }.count
        }
        func withoutObserverGroups<T>(_ objects: [Int: T], _ path: WritableKeyPath<T, Set<Int>>) -> [Int: T] {
            objects.mapValues {
                var copy = $0
                copy[keyPath: path] = []
                return copy
            }
        }
        count(withoutObserverGroups(live.companies, \.observerGroups), withoutObserverGroups(replayed.companies, \.observerGroups))
        count(withoutObserverGroups(live.groups, \.observerGroups), withoutObserverGroups(replayed.groups, \.observerGroups))
        count(withoutObserverGroups(live.locations.nodes, \.observerGroups), withoutObserverGroups(replayed.locations.nodes, \.observerGroups))
        count(live.kbCategories.nodes, replayed.kbCategories.nodes)
        count(live.helpdesks.mapValues(\.observers), replayed.helpdesks.mapValues(\.observers))
        count(live.levels.mapValues(\.observers), replayed.levels.mapValues(\.observers))
        // An account is never deleted: disabling one destroys it, enabling one adds it, any other difference changes it.
        for (id, user) in replayed.users where !user.isDeleted {
            guard let old = live.users[id], !old.isDeleted else {
                summary.add += 1
                continue
            }
            if old.isDisabled != user.isDisabled {
                if user.isDisabled { summary.destroy += 1 } else { summary.add += 1 }
            } else if old != user {
                summary.change += 1
            }
        }
        func options(_ estate: Estate) -> [String: String] {
            var options: [String: String] = [:]
            for (uid, field) in estate.customFields {
                for option in field.listOptions { options["list \(uid) \(option.key)"] = option.value }
                for option in field.treeOptions {
                    options["tree \(uid) \(option.hash)"] = "\(option.name) \(option.key) \(option.parentHash ?? "")"
                }
            }
            return options
        }
        count(options(live), options(replayed))
    }
}

extension EstateGenerator {
    /// Edits a generated desired state the way people edit manifests: protect flags, a company still
    /// naming a renamed group by its old name, a KB category moved under another parent, a delete
    /// limit, ignore patterns.
    mutating func edit(_ desired: inout DesiredState, over live: Estate) {
        // The format's own rules: only some kinds can be pruned, and a tombstone cannot be protected.
        desired.policy.prune.formIntersection(ObjectKind.prunable)
        for index in desired.companies.indices where !desired.companies[index].absent && chance(0.1) {
            desired.companies[index].protect = true
        }
        for index in desired.groups.indices where !desired.groups[index].absent && chance(0.1) { desired.groups[index].protect = true }
        for index in desired.locations.indices where !desired.locations[index].absent && chance(0.1) {
            desired.locations[index].protect = true
        }
        for index in desired.kbCategories.indices where !desired.kbCategories[index].absent && chance(0.1) {
            desired.kbCategories[index].protect = true
        }
        if chance(0.2), let renamed = desired.groups.first(where: { !$0.previousNames.isEmpty }),
            let company = desired.companies.indices.first(where: { desired.companies[$0].groups != nil })
        {
            desired.companies[company].groups!.append(renamed.previousNames[0])
        }
        let declared = Set(desired.kbCategories.map(\.path))
        let livePaths = live.kbCategories.keys.map { live.kbCategoryPath(of: $0) }.filter { !declared.contains($0) }.sorted {
            $0.lexicographicallyPrecedes($1)
        }
        let liveNames = Set(live.kbCategories.values.map(\.name))
        let new = desired.kbCategories.indices.filter { index in
            !desired.kbCategories[index].absent && !liveNames.contains(desired.kbCategories[index].path.last!)
        }
        if chance(0.3), let moved = livePaths.randomElement(using: &random), let index = new.randomElement(using: &random) {
            desired.kbCategories[index].previousPaths = [moved]
        }
        if chance(0.5) { desired.policy.maxDeletes = Int.random(in: 0...6, using: &random) }
        if chance(0.3) { desired.policy.ignore += ["Floor*"] }
    }
}

/// A desired state as a user would write it: one YAML manifest, users by username.
enum ManifestWriter {
    static func yaml(_ desired: DesiredState) -> String {
        var lines: [String] = []
        func text(_ value: String) -> String {
            "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        func list(_ values: [String]) -> String { "[" + values.map(text).joined(separator: ", ") + "]" }
        func users(_ ids: Set<Int>?) -> String? { ids.map { "[" + $0.sorted().map { "user\($0)" }.joined(separator: ", ") + "]" } }
        func object(_ fields: [(String, String?)]) -> String {
            "{" + fields.compactMap { key, value in value.map { "\(key): \($0)" } }.joined(separator: ", ") + "}"
        }
        func flags(protect: Bool, absent: Bool) -> [(String, String?)] {
            [("protect", protect ? "true" : nil), ("absent", absent ? "true" : nil)]
        }
        func previous(_ names: [String]) -> String? { names.isEmpty ? nil : list(names) }

        lines.append(desired.companies.isEmpty ? "companies: []" : "companies:")
        for company in desired.companies {
            lines.append(
                "  - "
                    + object(
                        [
                            ("name", text(company.name)), ("external_id", company.externalID.map(text)),
                            ("previous_names", previous(company.previousNames)),
                            ("groups", company.groups.map(list)), ("members", users(company.members)),
                            ("observers", users(company.observers)),
                        ] + flags(protect: company.protect, absent: company.absent)))
        }
        lines.append(desired.groups.isEmpty ? "groups: []" : "groups:")
        for group in desired.groups {
            lines.append(
                "  - "
                    + object(
                        [
                            ("name", text(group.name)), ("previous_names", previous(group.previousNames)),
                            ("members", users(group.members)),
                            ("observers", users(group.observers)),
                        ] + flags(protect: group.protect, absent: group.absent)))
        }
        func tree<Node>(_ nodes: [Node], path: (Node) -> [String], fields: (Node) -> [(String, String?)], below parent: [String]) -> String
        {
            let children = nodes.filter { path($0).count == parent.count + 1 && path($0).starts(with: parent) }
            return "["
                + children.map { node in
                    let below = tree(nodes, path: path, fields: fields, below: path(node))
                    return object([("name", text(path(node).last!))] + fields(node) + [("children", below == "[]" ? nil : below)])
                }.joined(separator: ", ") + "]"
        }
        lines.append(
            "locations: "
                + tree(
                    desired.locations, path: \.path,
                    fields: { location in
                        [
                            ("previous_names", previous(location.previousNames)), ("members", users(location.members)),
                            ("observers", users(location.observers)),
                        ]
                            + flags(protect: location.protect, absent: location.absent)
                    }, below: []))
        lines.append(
            "kb_categories: "
                + tree(
                    desired.kbCategories, path: \.path,
                    fields: { category in
                        // A previous path under the same parent is written as a name (a root one reads as one too).
                        let previousNames = category.previousPaths.map { earlier in
                            earlier.dropLast() == category.path.dropLast() ? earlier.last! : earlier.joined(separator: "/")
                        }
                        return [("previous_names", previous(previousNames))] + flags(protect: category.protect, absent: category.absent)
                    }, below: []))
        lines.append(desired.helpdesks.isEmpty ? "helpdesks: []" : "helpdesks:")
        for helpdesk in desired.helpdesks {
            let levels = helpdesk.levels.map { object([("name", text($0.name)), ("observers", users($0.observers))]) }
            lines.append(
                "  - "
                    + object([
                        ("name", text(helpdesk.name)), ("observers", users(helpdesk.observers)),
                        ("levels", "[" + levels.joined(separator: ", ") + "]"),
                    ]))
        }
        func options(_ nodes: [DesiredState.TreeOption]) -> String {
            "["
                + nodes.map {
                    object([
                        ("name", text($0.name)), ("key", $0.key.map(text)), ("children", $0.children.isEmpty ? nil : options($0.children)),
                    ])
                }
                .joined(separator: ", ") + "]"
        }
        lines.append(desired.customFields.isEmpty ? "custom_fields: []" : "custom_fields:")
        for field in desired.customFields {
            let list = field.options.map { "{" + $0.map { "\(text($0.key)): \(text($0.value))" }.joined(separator: ", ") + "}" }
            lines.append("  - " + object([("field", text(field.label)), ("options", list), ("tree", field.tree.map(options))]))
        }
        lines.append(
            "policy: "
                + object([
                    ("prune", list(desired.policy.prune.sorted().map(\.rawValue))), ("ignore", list(desired.policy.ignore)),
                    ("max_deletes", String(desired.policy.maxDeletes)),
                ]))
        return lines.joined(separator: "\n") + "\n"
    }
}
