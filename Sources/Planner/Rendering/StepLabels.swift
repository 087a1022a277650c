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

    /// The wire call of `step`, provisional values replaced by labels. The operation says which of its
    /// values name objects (``EstateOperation/rewriting(_:)``): each provisional one is swapped for a
    /// stand-in no real id or hash can be (a negative id, a hash starting with NUL), and the stand-ins
    /// are found again in the call's parameters, whatever they are called.
    package func parameters(of step: Step) -> [(name: String, value: FormValue)] {
        var standIns: [String: String] = [:]
        let marked = step.operation.rewriting { object in
            guard let label = labels[object] else { return object }
            let standIn = -(standIns.count + 1)
            let replaced: ProvisionalObject =
                switch object {
                case .company: .company(standIn)
                case .group: .group(standIn)
                case .location: .location(standIn)
                case .kbCategory: .kbCategory(standIn)
                case .user: .user(standIn)
                case .treeOption(let field, _): .treeOption(field: field, hash: "\u{0}\(standIn)")
                }
            standIns[Self.text(of: replaced)] = label
            return replaced
        }
        return marked.wireCall.parameters.entries.map { name, value in
            switch value {
            case .integer(let id): (name, standIns[String(id)].map(FormValue.string) ?? value)
            // Only a stand-in's form is looked up, so that a name is never taken for one.
            case .string(let text) where text.hasPrefix("\u{0}"): (name, standIns[text].map(FormValue.string) ?? value)
            case .array(let items): (name, .array(items.map { (Int($0) ?? 0) < 0 ? standIns[$0] ?? $0 : $0 }))
            default: (name, value)
            }
        }
    }

    /// How a stand-in appears in a parameter: an id as its digits, a hash as itself.
    private static func text(of object: ProvisionalObject) -> String {
        switch object {
        case .company(let id), .group(let id), .location(let id), .kbCategory(let id), .user(let id): String(id)
        case .treeOption(_, let hash): hash
        }
    }
}
