/// The organisation data of one InvGate instance: everything deskform reads or manages.
///
/// An `Estate` is a plain value. The API's semantics live in `Estate+Apply.swift`: applying an
/// ``EstateOperation`` to an estate gives the next estate, side effects included. The planner uses that
/// to prove a plan converges; the simulator uses it as its store.
package struct Estate: Equatable, Sendable {
    package var users: [Int: User]
    package var companies: [Int: Company]
    package var groups: [Int: Group]
    package var locations: Tree<Location>
    package var helpdesks: [Int: HelpDesk]
    package var levels: [Int: Level]
    package var kbCategories: Tree<KBCategory>
    package var customFields: [Int: CustomField]
    package var customFieldTypes: [CustomFieldType]
    package var requestCategories: [Int: RequestCategory]
    package var version: String
    /// The last id handed out per kind: ids are never reused, as in a database.
    package var sequences: Sequences

    package init(
        users: [Int: User] = [:],
        companies: [Int: Company] = [:],
        groups: [Int: Group] = [:],
        locations: [Int: Location] = [:],
        helpdesks: [Int: HelpDesk] = [:],
        levels: [Int: Level] = [:],
        kbCategories: [Int: KBCategory] = [:],
        customFields: [Int: CustomField] = [:],
        customFieldTypes: [CustomFieldType] = CustomFieldType.standard,
        requestCategories: [Int: RequestCategory] = [:],
        version: String = "7.5.0",
        sequences: Sequences = Sequences()
    ) {
        self.users = users
        self.companies = companies
        self.groups = groups
        self.locations = Tree(locations)
        self.helpdesks = helpdesks
        self.levels = levels
        self.kbCategories = Tree(kbCategories)
        self.customFields = customFields
        self.customFieldTypes = customFieldTypes
        self.requestCategories = requestCategories
        self.version = version
        self.sequences = sequences
    }
}

/// Id counters per kind. `next` hands out an id above every id ever seen for that kind.
package struct Sequences: Equatable, Sendable {
    package var company = 0
    package var group = 0
    package var location = 0
    package var kbCategory = 0
    package var treeOption = 0
    package var user = 0

    package init() {}
}

extension Estate {
    /// Raises every counter above the ids already present, so that an estate built by hand
    /// (a seed, a fixture) never hands out an id twice.
    package mutating func advanceSequences() {
        sequences.company = max(sequences.company, companies.keys.max() ?? 0)
        sequences.group = max(sequences.group, groups.keys.max() ?? 0)
        sequences.location = max(sequences.location, locations.keys.max() ?? 0)
        sequences.kbCategory = max(sequences.kbCategory, kbCategories.keys.max() ?? 0)
        sequences.user = max(sequences.user, users.keys.max() ?? 0)
        let options = customFields.values.reduce(0) { $0 + $1.treeOptions.count }
        sequences.treeOption = max(sequences.treeOption, options)
    }

    /// Whether a field holds list options, tree options or neither, told by its type's name.
    package func fieldKind(_ field: CustomField) -> CustomFieldType.Kind {
        customFieldTypes.first { $0.id == field.typeID }?.kind ?? .other
    }
}
