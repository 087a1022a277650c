import EstateModel
import InvGateWire

extension Plan {
    /// A pull-request comment: the summary first, deletions in their own section, then the other
    /// changes and the API calls, cut below 65,536 characters with a note saying so.
    package func markdown(target: String) -> String {
        var head = "### deskform plan for `\(target)`\n\n**\(summaryLine)**\n"
        if let policyVerdict { head += "\n\(exceedsMaxDeletes ? "⛔" : "⚠️") \(policyVerdict)\n" }
        let targeted = targetingLines.filter { !$0.isEmpty }
        if !targeted.isEmpty { head += "\n" + targeted.map { "> \($0)" }.joined(separator: "\n") + "\n" }
        if !warnings.isEmpty { head += "\n" + warnings.map { "> ⚠️ \($0)" }.joined(separator: "\n") + "\n" }
        if changes.isEmpty { return head + "\nNo changes. The instance matches the manifests.\n" }

        let destructive = changes.filter { $0.action == .delete || $0.action == .replace }
        let others = changes.filter { $0.action != .delete && $0.action != .replace }
        var sections: [String] = []
        if !destructive.isEmpty {
            let objects = deletions.counted("object") + " destroyed"
            sections.append(
                "\n#### ⚠️ Deletions and replacements (\(objects))\n\n```diff\n"
                    + destructive.map { $0.diffBlock }.joined(separator: "\n") + "\n```\n")
        }
        if !others.isEmpty {
            sections.append(
                "\n#### Changes (\(others.count))\n\n```diff\n" + others.map { $0.diffBlock }.joined(separator: "\n") + "\n```\n")
        }
        let labels = StepLabels(self)
        sections.append(
            "\n<details><summary>API calls (\(steps.count))</summary>\n\n```\n"
                + steps.map { step in
                    let call = step.operation.wireCall
                    return "\(step.id + 1). \(call.method.rawValue) \(call.endpoint.rawValue) \(Self.display(labels.parameters(of: step)))"
                }.joined(separator: "\n") + "\n```\n</details>\n")

        let note = "\n_The plan is cut here: it is longer than a comment can hold. Run `deskform plan` for all of it._\n"
        return PullRequestComment.fit(head + sections.joined(), note: note)
    }
}

/// A GitHub pull-request comment, which holds at most 65,536 characters (UTF-16 units, as GitHub counts).
package enum PullRequestComment {
    package static let limit = 65_536

    /// `markdown` as it is when one comment holds it; else its whole lines that fit, a code block left
    /// open closed, and `note` after them.
    package static func fit(_ markdown: String, note: String) -> String {
        guard markdown.utf16.count > limit else { return markdown }
        let budget = limit - note.utf16.count - "```\n".utf16.count
        var length = 0
        var end = markdown.startIndex
        for index in markdown.indices {
            length += markdown[index].utf16.count
            if length > budget { break }
            end = markdown.index(after: index)
        }
        var kept = markdown[..<end]
        if let lastLine = kept.lastIndex(of: "\n") { kept = kept[...lastLine] }
        let fences = kept.components(separatedBy: "```").count - 1
        return String(kept) + (fences % 2 == 1 ? "```\n" : "") + note
    }
}

extension Change {
    /// The change as `diff` lines, one marker each: `+` what is added, `-` what is removed, `!` what
    /// changes (with the text plan's `~` or `-/+` after the address), then the attributes, relations and
    /// side effects beneath, as the text plan shows them.
    var diffBlock: String {
        let (marker, symbol): (String, String) =
            switch action {
            case .create: ("+", "")
            case .delete: ("-", "")
            case .update: ("!", " ~")
            case .replace: ("!", " -/+")
            }
        var lines = ["\(marker) \(address)\(symbol)  (\(reason))"]
        lines += attributeLines.map { "\(marker)     \($0)" }
        for relation in relations {
            if !relation.added.isEmpty { lines.append("+     \(relation.relation): \(relation.added.joined(separator: ", "))") }
            if !relation.removed.isEmpty { lines.append("-     \(relation.relation): \(relation.removed.joined(separator: ", "))") }
            if !relation.changed.isEmpty { lines.append("!     \(relation.relation): \(relation.changed.joined(separator: ", "))") }
        }
        for consequence in consequences { lines.append("!     \(consequence)") }
        return lines.joined(separator: "\n")
    }
}
