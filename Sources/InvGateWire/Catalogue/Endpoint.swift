/// The API endpoints deskform uses, by their path below `/api/v1/`.
package enum Endpoint: String, CaseIterable, Sendable, Codable, Comparable {
    case companies
    case companiesGroups = "companies.groups"
    case companiesUsers = "companies.users"
    case companiesObservers = "companies.observers"
    case groups
    case groupsUsers = "groups.users"
    case groupsObservers = "groups.observers"
    case locations
    case locationsUsers = "locations.users"
    case locationsObservers = "locations.observers"
    case helpdesks
    case levels
    case helpdesksAndLevels = "helpdesksandlevels"
    case helpdesksObservers = "helpdesks.observers"
    case levelsObservers = "levels.observers"
    case kbCategories = "kb.categories"
    case kbCategoriesByIDs = "kb.categories.by.ids"
    case customFieldsAll = "cf.fields.all"
    case customFieldTypes = "cf.fields.types"
    case customFieldListOptions = "cf.field.options.list"
    case customFieldTreeOptions = "cf.field.options.tree"
    case users
    case user
    case userDisable = "user.disable"
    case userEnable = "user.enable"
    case userBy = "user.by"
    case usersBy = "users.by"
    case usersGroups = "users.groups"
    case version = "sd.version"

    /// The path below the instance root, e.g. `/api/v1/companies.users`.
    package var path: String { "/api/v1/\(rawValue)" }

    package static func < (lhs: Endpoint, rhs: Endpoint) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The HTTP methods the API uses.
package enum Method: String, CaseIterable, Sendable, Codable, Comparable {
    case get = "GET"
    case post = "POST"
    case put = "PUT"
    case delete = "DELETE"

    /// Only POST carries its parameters in a form body; GET, PUT and DELETE carry them in the query
    /// string, as every public client of the API does (PHP does not parse a urlencoded PUT or DELETE body).
    package var sendsBody: Bool { self == .post }

    package static func < (lhs: Method, rhs: Method) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
