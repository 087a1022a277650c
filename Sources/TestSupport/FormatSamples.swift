import EstateModel
import Foundation
import Planner
import Reconciler

/// A saved plan that holds every shape a plan file or journal can hold: every operation, every kind of
/// member and observer target, every provisional object, every optional field set and unset. Written by
/// each release into `Fixtures/releases/<release>/plan-every-operation-v<N>.json` and read back by every
/// later one, so that each shape of each format version stays read, not only those an example plans.
package enum FormatSamples {
    /// One of each operation, every optional field both set and unset somewhere. A new operation is appended:
    /// the file of each release holds the operations it knew, in this order.
    package static let operations: [EstateOperation] = [
        .createCompany(name: "Acme Corp", externalID: "ACME-001"),
        .createCompany(name: "Globex", externalID: nil),
        .updateCompany(id: 1, name: "Acme Corporation", externalID: ""),
        .updateCompany(id: 2, name: nil, externalID: nil),
        .deleteCompany(id: 3),
        .relateGroups(company: 1, groups: [4, 5]),
        .unrelateGroups(company: 1, groups: [6], unlinkUsers: true),
        .unrelateGroups(company: 2, groups: [7], unlinkUsers: false),
        .createGroup(name: "Acme IT"),
        .deleteGroup(id: 8),
        .createLocation(name: "Madrid", parentID: nil),
        .createLocation(name: "Floor 2", parentID: 9),
        .deleteLocation(id: 10),
        .addMembers(.company(1), users: [1, 2]),
        .addMembers(.group(4), users: [3]),
        .addMembers(.location(9), users: [4]),
        .removeMembers(.company(1), users: [5]),
        .removeMembers(.group(4), users: [6, 7]),
        .removeMembers(.location(9), users: [8]),
        .addObservers(.company(1), users: [1]),
        .addObservers(.group(4), users: [2]),
        .addObservers(.location(9), users: [3]),
        .addObservers(.helpdesk(1), users: [4]),
        .addObservers(.level(3), users: [5]),
        .removeObservers(.company(1), users: [6]),
        .removeObservers(.group(4), users: [7]),
        .removeObservers(.location(9), users: [8]),
        .removeObservers(.helpdesk(1), users: [9]),
        .removeObservers(.level(3), users: [10]),
        .createKBCategory(name: "IT", parentID: nil),
        .createKBCategory(name: "Network", parentID: 11),
        .updateKBCategory(id: 11, name: "Information Technology", parentID: 0),
        .updateKBCategory(id: 12, name: nil, parentID: nil),
        .deleteKBCategory(id: 13),
        .upsertListOptions(field: 1, options: [ListOption(key: "it", value: "IT"), ListOption(key: "hr", value: "HR")]),
        .deleteListOptions(field: 1, keys: ["sales"]),
        .addTreeOption(field: 2, name: "Europe", key: "eu", parentHash: nil),
        .addTreeOption(field: 2, name: "Madrid", key: nil, parentHash: "h-eu"),
        .updateTreeOption(field: 2, hash: "h-eu", name: "Europa", key: "eu"),
        .updateTreeOption(field: 2, hash: "h-mad", name: nil, key: nil),
        .deleteTreeOption(field: 2, hash: "h-old"),
        .createUser(
            UserFields(
                username: "oscar", email: "oscar@acme.example", name: "Oscar", lastname: "Ortiz",
                attributes: [.department: "IT", .employeeNumber: "E-7"], managerID: 105),
            invite: true),
        .createUser(UserFields(username: "", email: "ana@acme.example", name: "Ana", lastname: "Ruiz"), invite: false),
        .updateUser(id: 3, changes: UserChanges(username: "oscar.o", attributes: [.phone: ""], managerID: 0)),
        .updateUser(id: 4, changes: UserChanges(email: "eve@acme.example", name: "Eve", lastname: "Adams")),
        .disableUser(id: 5),
        .enableUser(id: 6),
    ]

    /// What the steps that create create, by step: one of each provisional object.
    static func creates(_ operation: EstateOperation) -> ProvisionalObject? {
        switch operation {
        case .createCompany: .company(101)
        case .createGroup: .group(102)
        case .createLocation: .location(103)
        case .createKBCategory: .kbCategory(104)
        case .addTreeOption: .treeOption(field: 2, hash: "provisional-1")
        case .createUser: .user(105)
        default: nil
        }
    }

    /// A plan with one step per operation and every field of a plan set.
    package static var plan: Plan { plan(firstSteps: operations.count) }

    /// The sample plan with only its first `count` steps: what a release that knew fewer operations wrote.
    package static func plan(firstSteps count: Int) -> Plan {
        let company = Address(.company, "Acme Corp")
        return Plan(
            changes: [
                Change(
                    address: company, action: .update, before: ["name": "Acme Inc", "external_id": ""],
                    after: ["name": "Acme Corp", "external_id": "ACME-001"], reason: "renamed in the manifests",
                    relations: [
                        RelationChange(relation: "members", added: ["alice"], removed: ["bob"]),
                        RelationChange(relation: "options", added: [], removed: [], changed: ["it: IT → Information Technology"]),
                    ], consequences: ["members leave its related groups"]),
                Change(address: Address(.group, "Acme IT"), action: .create, after: ["name": "Acme IT"], reason: "not in the instance"),
                Change(address: Address(.location, "Madrid/Floor 2"), action: .replace, reason: "renamed: locations cannot be renamed"),
                Change(address: Address(.kbCategory, "Old"), action: .delete, before: ["name": "Old"], reason: "pruned"),
            ],
            steps: operations.prefix(count).enumerated().map { index, operation in
                Step(
                    id: index, operation: operation, address: index == 0 ? company : Address(.group, "Acme IT"),
                    subject: index == 9 ? Address(.group, "Old IT") : nil, dependsOn: index == 0 ? [] : [index - 1],
                    creates: creates(operation))
            },
            unmanaged: [.companies: 2, .groups: 1, .kbCategories: 3],
            warnings: ["user frank is disabled (acme.yaml:3:7)"],
            outcome: Outcome(
                created: [Outcome.Entry(address: Address(.group, "Acme IT"), step: 8, cause: Address(.group, "Acme IT"), cascade: false)],
                changed: [
                    Outcome.Entry(address: company, step: 2, cause: company, cascade: false),
                    Outcome.Entry(address: Address(.option, "Department/it"), step: 34, cause: Address(.customField, "Department"), cascade: false),
                ],
                destroyed: [
                    Outcome.Entry(address: Address(.location, "Madrid/Floor 2/Annex"), step: 12, cause: Address(.location, "Madrid/Floor 2"), cascade: true),
                    Outcome.Entry(address: Address(.helpdesk, "Service Desk"), step: 27, cause: Address(.level, "Service Desk/Level 1"), cascade: true),
                ]),
            maxDeletes: 7, protected: [company, Address(.location, "Madrid")], ignore: ["Legacy *"],
            targeting: Targeting(
                targets: [try! AddressPattern(parsing: #"company["Acme*"]"#), try! AddressPattern(parsing: "groups")],
                excludes: [try! AddressPattern(parsing: #"location["Madrid/Floor 2"]"#)]),
            pulledIn: [DesiredState.PulledIn(Address(.group, "Acme IT"), neededBy: company)])
    }

    /// What the sample plan was read with.
    package static let scope = FetchScope([.companies, .groups, .helpdesks, .kbCategories], fields: ["Department", "7"])

    package static let fingerprint = LiveFingerprint(
        objects: ["users": "af7b054054d117af", "company:1": "bd994f08a51302e5"], names: ["users": "users", "company:1": #"company["Acme Corp"]"#])

    /// The sample plan as `plan --out` saves it.
    package static var planFile: PlanFile {
        PlanFile(
            target: "https://acme.example.invgate.net", createdAt: Date(timeIntervalSince1970: 1_796_454_900), scope: scope,
            fingerprint: fingerprint, plan: plan)
    }
}
