import EstateModel
import Yams

extension ManifestReader {
    mutating func policy(_ node: Node) -> Policy? {
        if Self.isNull(node) { return nil }
        guard let mapping = mapping(node, for: "'policy'", example: "'policy: {prune: [groups], max_deletes: 10}'") else {
            return nil
        }
        let fields = fields(mapping, as: ManifestFormat.policy)
        var policy = Policy()
        if let value = fields["prune"],
            let items = list(value, key: "prune", of: "kinds", example: "'prune: [groups, locations]'")
        {
            var seen: [ObjectKind: SourceLocation] = [:]
            for item in items {
                guard case .scalar(let scalar) = item, !Self.isNull(scalar) else {
                    error(item, "a kind in 'prune' must be a word, not \(Self.describe(item))")
                    continue
                }
                guard let kind = ObjectKind(rawValue: scalar.string), ObjectKind.prunable.contains(kind) else {
                    let known = ManifestFormat.prunableKinds
                    let why =
                        ["helpdesks", "custom_fields"].contains(scalar.string)
                        ? "\(scalar.string) are never deleted by deskform; kinds: \(known.joined(separator: ", "))"
                        : Suggestion.didYouMean(scalar.string, among: known, aliases: ManifestFormat.kindAliases)
                            .map { "\($0) kinds: \(known.joined(separator: ", "))" }
                            ?? "kinds: \(known.joined(separator: ", "))"
                    error(item, "unknown kind '\(scalar.string)' in 'policy.prune'", hint: why)
                    continue
                }
                if let first = seen[kind] {
                    error(
                        item, "kind '\(kind.rawValue)' is listed twice in 'policy.prune'",
                        hint: "first listed at \(first.reference(from: location(item)))")
                    continue
                }
                seen[kind] = location(item)
                policy.prune.append(Located(kind, at: location(item)))
            }
        }
        if let value = fields["ignore"],
            let items = list(value, key: "ignore", of: "name patterns", example: "'ignore: [\"Legacy *\"]'")
        {
            for item in items {
                guard case .scalar(let scalar) = item, !Self.isNull(scalar) else {
                    error(item, "a pattern in 'ignore' must be a string, not \(Self.describe(item))")
                    continue
                }
                let pattern = Located(scalar.string, at: location(item))
                guard checkName(pattern, what: "ignore pattern") else { continue }
                if let problem = GlobPattern.problem(in: pattern.value) {
                    error(item, "ignore pattern '\(pattern.value)' is not a valid glob: \(problem)")
                    continue
                }
                policy.ignore.append(pattern)
            }
        }
        if let value = fields["invite_users"] {
            policy.inviteUsers = Located(bool(value, key: "invite_users", in: "policy"), at: location(value))
        }
        if let value = fields["max_deletes"] {
            policy.maxDeletes = integer(value, key: "max_deletes", in: "policy", minimum: 0)
        }
        return policy
    }
}
