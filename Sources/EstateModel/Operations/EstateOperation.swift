/// One write the API can make, in the estate's terms. Parents are `0` or nil for "at the root",
/// as the API reads `parent_id`.
package enum EstateOperation: Equatable, Hashable, Sendable {
    case createCompany(name: String, externalID: String?)
    /// nil leaves a field unchanged; an empty `externalID` clears it.
    case updateCompany(id: Int, name: String?, externalID: String?)
    case deleteCompany(id: Int)
    case relateGroups(company: Int, groups: [Int])
    case unrelateGroups(company: Int, groups: [Int], unlinkUsers: Bool)
    case createGroup(name: String)
    case deleteGroup(id: Int)
    case createLocation(name: String, parentID: Int?)
    case deleteLocation(id: Int)
    case addMembers(MembershipTarget, users: [Int])
    case removeMembers(MembershipTarget, users: [Int])
    case addObservers(ObservedEntity, users: [Int])
    case removeObservers(ObservedEntity, users: [Int])
    case createKBCategory(name: String, parentID: Int?)
    /// nil leaves a field unchanged; a `parentID` of 0 moves the category to the root.
    case updateKBCategory(id: Int, name: String?, parentID: Int?)
    case deleteKBCategory(id: Int)
    case upsertListOptions(field: Int, options: [ListOption])
    case deleteListOptions(field: Int, keys: [String])
    /// Adds an option, or renames the option that already has `key`.
    case addTreeOption(field: Int, name: String, key: String?, parentHash: String?)
    case updateTreeOption(field: Int, hash: String, name: String?, key: String?)
    case deleteTreeOption(field: Int, hash: String)
    /// `user` POST. `invite` asks the API for its set-password e-mail.
    case createUser(UserFields, invite: Bool)
    /// `user` PUT: only what `changes` sets (a rename is a new `username`).
    case updateUser(id: Int, changes: UserChanges)
    case disableUser(id: Int)
    case enableUser(id: Int)
}

/// What has members: `companies.users`, `groups.users`, `locations.users`.
package enum MembershipTarget: Equatable, Hashable, Sendable {
    case company(Int)
    case group(Int)
    case location(Int)

    /// What kind of object has the members, without its id.
    package enum Kind: Sendable, CaseIterable {
        case company, group, location
    }

    package init(_ kind: Kind, id: Int) {
        switch kind {
        case .company: self = .company(id)
        case .group: self = .group(id)
        case .location: self = .location(id)
        }
    }

    package var kind: Kind {
        switch self {
        case .company: .company
        case .group: .group
        case .location: .location
        }
    }

    package var id: Int {
        switch self {
        case .company(let id), .group(let id), .location(let id): id
        }
    }
}

/// What has observers: `companies.observers`, `groups.observers`, `locations.observers`,
/// `helpdesks.observers`, `levels.observers`.
package enum ObservedEntity: Equatable, Hashable, Sendable {
    case company(Int)
    case group(Int)
    case location(Int)
    case helpdesk(Int)
    case level(Int)

    /// What kind of object has the observers, without its id.
    package enum Kind: Sendable, CaseIterable {
        case company, group, location, helpdesk, level
    }

    package init(_ kind: Kind, id: Int) {
        switch kind {
        case .company: self = .company(id)
        case .group: self = .group(id)
        case .location: self = .location(id)
        case .helpdesk: self = .helpdesk(id)
        case .level: self = .level(id)
        }
    }

    package var kind: Kind {
        switch self {
        case .company: .company
        case .group: .group
        case .location: .location
        case .helpdesk: .helpdesk
        case .level: .level
        }
    }

    package var id: Int {
        switch self {
        case .company(let id), .group(let id), .location(let id), .helpdesk(let id), .level(let id): id
        }
    }
}

/// What an operation answered, before the API renders it.
package enum OperationResult: Equatable, Sendable {
    /// A new object's id.
    case created(id: Int)
    /// A write with no more to say (rename, delete, tree option added).
    case done
    /// Per related id (user or group): whether this call changed the relation.
    case relations([Int: Bool])
    /// How many options were added, changed or erased.
    case count(Int)
}

/// Why an operation was refused. Rendered by the simulator as an `ERROR` answer.
package enum EstateError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No object of `kind` has this id (or hash).
    case unknown(kind: String, id: String)
    /// The operation cannot be carried out as asked.
    case invalid(String)

    package var description: String {
        switch self {
        case .unknown(let kind, let id): "There is no \(kind) with id \(id)."
        case .invalid(let reason): reason
        }
    }
}
