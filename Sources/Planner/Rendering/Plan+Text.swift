import EstateModel
import InvGateWire

extension Plan {
    /// Terraform-like text: `+ ~ - -/+` per object with its relation changes beneath, then the API
    /// calls in order, then `Plan: N to add, N to change, N to destroy.` and the unmanaged count.
    package func text(style: PlanStyle = .plain) -> String {
        var lines = targetingLines
        if changes.isEmpty {
            lines.append("No changes. The instance matches the manifests.")
        } else {
            lines.append("deskform will perform the following actions:")
            lines.append("")
            for change in changes {
                lines += change.textLines(style: style)
                lines.append("")
            }
            lines.append(style.bold("API calls (\(steps.count), in order; independent ones run concurrently):"))
            let labels = StepLabels(self)
            let width = String(steps.count).count
            for step in steps {
                let call = step.operation.wireCall
                let number = String(repeating: " ", count: width - String(step.id + 1).count) + String(step.id + 1)
                let method = call.method.rawValue.padding(toLength: 6, withPad: " ", startingAt: 0)
                lines.append("  \(number). \(method) \(call.endpoint.rawValue) \(Self.display(labels.parameters(of: step)))")
            }
            lines.append("")
        }
        for warning in warnings { lines.append(style.paint("warning: ", code: "33") + warning) }
        lines.append(summaryLine)
        if let policyVerdict { lines.append(exceedsMaxDeletes ? style.paint(policyVerdict, code: "31") : policyVerdict) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// What the plan was limited to, and what it pulled in; none when it was not targeted.
    package var targetingLines: [String] {
        guard !targeting.isEverything else { return [] }
        var lines = ["Targeted (\(targeting.summary)): nothing outside these objects is read, changed or pruned."]
        if !pulledIn.isEmpty { lines.append("Pulled in: \(pulledIn.map(\.description).joined(separator: ", ")).") }
        lines.append("")
        return lines
    }

    /// `Plan: 1 to add, 2 to change, 0 to destroy. 3 unmanaged objects left alone.`
    package var summaryLine: String {
        let summary = self.summary
        var line = "Plan: \(summary.add) to add, \(summary.change) to change, \(summary.destroy) to destroy."
        let count = unmanagedCount
        if count > 0 {
            let kinds = unmanaged.keys.sorted().map { "\($0.rawValue): \(unmanaged[$0]!)" }.joined(separator: ", ")
            line += " \(count.counted("unmanaged object")) left alone (\(kinds))."
        }
        return line
    }

    /// Parameters as they read in a query string, unencoded: `id=3 users[]=1 users[]=2`.
    package static func display(_ parameters: [(name: String, value: FormValue)]) -> String {
        parameters.flatMap { name, value -> [String] in
            switch value {
            case .string(let text): ["\(name)=\(quoted(text))"]
            case .integer(let number): ["\(name)=\(number)"]
            case .boolean(let flag): ["\(name)=\(flag ? 1 : 0)"]
            case .array(let items): items.map { "\(name)[]=\(quoted($0))" }
            case .dictionary(let entries): entries.map { "\(name)[\($0.key)]=\(quoted($0.value))" }
            }
        }.joined(separator: " ")
    }

    private static func quoted(_ text: String) -> String {
        if text.hasPrefix("<"), text.hasSuffix("\"]>") { return text }  // a provisional label
        return text.contains(where: { $0 == " " || $0 == "\"" }) || text.isEmpty
            ? "\"\(text.replacingOccurrences(of: "\"", with: "\\\""))\"" : text
    }
}

extension Change {
    func textLines(style: PlanStyle) -> [String] {
        var lines = [style.paint(action.symbol, action) + " " + style.bold(address.description) + "  (\(reason))"]
        lines += attributeLines.map { "    \($0)" }
        for relation in relations {
            if !relation.added.isEmpty {
                lines.append("    " + style.paint("+", .create) + " \(relation.relation): \(relation.added.joined(separator: ", "))")
            }
            if !relation.removed.isEmpty {
                lines.append("    " + style.paint("-", .delete) + " \(relation.relation): \(relation.removed.joined(separator: ", "))")
            }
            if !relation.changed.isEmpty {
                lines.append("    " + style.paint("~", .update) + " \(relation.relation): \(relation.changed.joined(separator: ", "))")
            }
        }
        for consequence in consequences { lines.append("    " + style.paint("!", code: "33") + " \(consequence)") }
        return lines
    }
}

extension Change {
    /// The attributes the change sets, removes or changes, by name: `name: "Acme"`, `parent: "IT" → "Ops"`.
    var attributeLines: [String] {
        Set((before ?? [:]).keys).union((after ?? [:]).keys).sorted().compactMap { key in
            switch (before?[key], after?[key]) {
            case (nil, let new?): "\(key): \(Plan.quote(new))"
            case (let old?, nil): "\(key): \(Plan.quote(old))"
            case (let old?, let new?) where old != new: "\(key): \(Plan.quote(old)) → \(Plan.quote(new))"
            default: nil
            }
        }
    }
}

extension Plan {
    static func quote(_ text: String) -> String { "\"\(text)\"" }
}
