/// The kinds of object deskform manages, as `policy.prune` names them.
package enum ObjectKind: String, CaseIterable, Equatable, Hashable, Sendable, Codable, Comparable {
    case companies, groups, locations, helpdesks
    case kbCategories = "kb_categories"
    case customFields = "custom_fields"
    case users

    /// The kinds `policy.prune` may name, in the order the schema lists them: those deskform creates and
    /// deletes. Help desks and custom fields are never deleted (only their observers and options are managed);
    /// users are never deleted either: pruning a user disables it.
    package static let prunable: [ObjectKind] = [.companies, .groups, .locations, .kbCategories, .users]

    package static func < (lhs: ObjectKind, rhs: ObjectKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
