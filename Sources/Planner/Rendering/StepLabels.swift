import EstateModel
import InvGateWire

/// Names for the provisional ids and hashes of a plan, so that a step's parameters can be shown as
/// `id=<company["Acme Corp"]>` before the API has handed out the real id.
package struct StepLabels: Sendable {
    private var labels: [ProvisionalObject: String] = [:]

    package init(_ plan: Plan) {
        for step in plan.steps {
            if let created = step.creates { labels[created] = "<\(step.address)>" }
        }
    }

    /// The wire call of `step`, provisional values replaced by labels.
    package func parameters(of step: Step) -> [(name: String, value: FormValue)] {
        let call = step.operation.wireCall
        var field = 0
        if case .integer(let uid)? = call.parameters["uid"] { field = uid }
        return call.parameters.entries.map { name, value in
            var kind = Self.kind(of: name, in: call.endpoint)
            if case .treeOption? = kind { kind = .treeOption(field: field) }
            return (name, label(value, kind: kind))
        }
    }

    private func label(_ value: FormValue, kind: ProvisionalKind?) -> FormValue {
        guard let kind else { return value }
        switch value {
        case .integer(let id): return labels[kind.object(id: id, hash: "")].map(FormValue.string) ?? value
        case .string(let hash): return labels[kind.object(id: 0, hash: hash)].map(FormValue.string) ?? value
        case .array(let items): return .array(items.map { item in Int(item).flatMap { labels[kind.object(id: $0, hash: "")] } ?? item })
        default: return value
        }
    }

    enum ProvisionalKind {
        case company, group, location, kbCategory, user
        case treeOption(field: Int)

        func object(id: Int, hash: String) -> ProvisionalObject {
            switch self {
            case .company: .company(id)
            case .group: .group(id)
            case .location: .location(id)
            case .kbCategory: .kbCategory(id)
            case .user: .user(id)
            case .treeOption(let field): .treeOption(field: field, hash: hash)
            }
        }
    }

    /// Which kind of object a parameter names, for the parameters that can name a new one.
    static func kind(of parameter: String, in endpoint: Endpoint) -> ProvisionalKind? {
        switch (endpoint, parameter) {
        case (.companies, "id"), (.companiesUsers, "id"), (.companiesObservers, "id"), (.companiesGroups, "id"): .company
        case (.companiesGroups, "groups"), (.groups, "id"), (.groupsUsers, "id"), (.groupsObservers, "id"): .group
        case (.locations, "id"), (.locations, "parent_id"), (.locationsUsers, "id"), (.locationsObservers, "id"): .location
        case (.kbCategories, "id"), (.kbCategories, "parent_id"): .kbCategory
        case (.customFieldTreeOptions, "hash"), (.customFieldTreeOptions, "parent_hash"): .treeOption(field: 0)
        case (.user, "id"), (.user, "manager_id"), (.userDisable, "id"), (.userEnable, "id"), (_, "users"), (_, "observer_users"): .user
        default: nil
        }
    }
}
