import EstateModel
import InvGateWire

/// One endpoint and method the simulator answers.
package struct Route: Hashable, Sendable, Comparable, CustomStringConvertible {
    package var endpoint: Endpoint
    package var method: Method

    package init(_ endpoint: Endpoint, _ method: Method) {
        self.endpoint = endpoint
        self.method = method
    }

    package var description: String { "\(method.rawValue) \(endpoint.rawValue)" }

    package static func < (lhs: Route, rhs: Route) -> Bool { (lhs.endpoint, lhs.method) < (rhs.endpoint, rhs.method) }
}

extension InvGateSimulator {
    /// The simulator's own table of what it answers. Kept apart from `Catalogue.operations` on
    /// purpose: a test proves the two list the same endpoints and methods.
    static let handlers: [Endpoint: [Method: Handler]] = [
        .companies: [.get: listCompanies, .post: createCompany, .put: updateCompany, .delete: deleteCompany],
        .companiesGroups: [.get: listCompanyGroups, .post: relateGroups, .delete: unrelateGroups],
        .companiesUsers: members(.company),
        .companiesObservers: observers(.company),
        .groups: [.get: listGroups, .post: createGroup, .delete: deleteGroup],
        .groupsUsers: members(.group),
        .groupsObservers: observers(.group),
        .locations: [.get: listLocations, .post: createLocation, .delete: deleteLocation],
        .locationsUsers: members(.location),
        .locationsObservers: observers(.location),
        .helpdesks: [.get: listHelpDesks],
        .levels: [.get: listLevels],
        .helpdesksAndLevels: [.get: listHelpDesksAndLevels],
        .helpdesksObservers: observers(.helpdesk),
        .levelsObservers: observers(.level),
        .kbCategories: [
            .get: listKBCategories, .post: createKBCategory, .put: updateKBCategory, .delete: deleteKBCategory,
        ],
        .kbCategoriesByIDs: [.get: listKBCategoriesByIDs],
        .customFieldsAll: [.get: listCustomFields],
        .customFieldTypes: [.get: listCustomFieldTypes],
        .customFieldListOptions: [.get: listOptions, .post: upsertListOptions, .delete: deleteListOptions],
        .customFieldTreeOptions: [
            .get: treeOptions, .post: addTreeOption, .put: updateTreeOption, .delete: deleteTreeOption,
        ],
        .users: [.get: listUsers],
        .user: [.get: user, .post: createUser, .put: updateUser, .delete: deleteUser],
        .userDisable: [.put: disableUser],
        .userEnable: [.put: enableUser],
        .userBy: [.get: userBy],
        .usersBy: [.get: usersBy],
        .usersGroups: [.get: userMemberships],
        .version: [.get: version],
    ]

    /// Every endpoint and method the simulator answers, in catalogue order.
    package static var routes: [Route] {
        handlers.flatMap { endpoint, methods in methods.keys.map { Route(endpoint, $0) } }.sorted()
    }
}

extension Dictionary where Key == Int {
    /// The values in ascending id order, as the API lists them.
    var inIDOrder: [Value] { keys.sorted().map { self[$0]! } }
}

extension Tree {
    /// The nodes in ascending id order, as the API lists them.
    var inIDOrder: [Node] { nodes.inIDOrder }
}

extension User {
    /// First name and last name, as the member lists show it.
    var fullName: String { [name, lastname].filter { !$0.isEmpty }.joined(separator: " ") }
}

extension Optional {
    /// Whether an optional filter lets `value` through: nil filters nothing.
    func admits(_ value: Wrapped) -> Bool where Wrapped: Equatable {
        self == nil || self == value
    }
}
