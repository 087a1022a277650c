import Yams

extension ManifestReader {
    mutating func company(_ node: Node) -> DeclaredCompany? {
        guard let mapping = mapping(node, for: "a company", example: "'- name: Acme Corp'") else { return nil }
        let fields = fields(mapping, as: ManifestFormat.company)
        checkAbsent(fields, relations: ["groups", "members", "observers"], noun: "a company")
        let name = name(fields, of: node, noun: "company")
        var externalID: Located<String>?
        if let value = fields["external_id"], let text = text(value, key: "external_id", in: "a company"),
            checkName(text, what: "external_id")
        {
            externalID = text
        }
        let company = DeclaredCompany(
            name: name?.value ?? "",
            position: name?.position ?? location(node),
            externalID: externalID,
            previousNames: fields["previous_names"].flatMap {
                names($0, key: "previous_names", of: "earlier names", example: "'previous_names: [Acme Inc]'")
            } ?? [],
            groups: fields["groups"].flatMap { names($0, key: "groups", of: "group names", example: "'groups: [Acme IT]'") },
            members: fields["members"].flatMap { users($0, key: "members") },
            observers: fields["observers"].flatMap { users($0, key: "observers") },
            protect: bool(fields["protect"], key: "protect", in: "a company"),
            absent: bool(fields["absent"], key: "absent", in: "a company")
        )
        return name == nil ? nil : company
    }

    mutating func group(_ node: Node) -> DeclaredGroup? {
        guard let mapping = mapping(node, for: "a group", example: "'- name: Acme IT'") else { return nil }
        let fields = fields(mapping, as: ManifestFormat.group)
        checkAbsent(fields, relations: ["members", "observers"], noun: "a group")
        let name = name(fields, of: node, noun: "group")
        let group = DeclaredGroup(
            name: name?.value ?? "",
            position: name?.position ?? location(node),
            previousNames: fields["previous_names"].flatMap {
                names($0, key: "previous_names", of: "earlier names", example: "'previous_names: [IT Team]'")
            } ?? [],
            members: fields["members"].flatMap { users($0, key: "members") },
            observers: fields["observers"].flatMap { users($0, key: "observers") },
            protect: bool(fields["protect"], key: "protect", in: "a group"),
            absent: bool(fields["absent"], key: "absent", in: "a group")
        )
        return name == nil ? nil : group
    }

    mutating func desiredLocation(_ node: Node) -> DeclaredLocation? {
        guard let mapping = mapping(node, for: "a location", example: "'- name: Madrid'") else { return nil }
        let fields = fields(mapping, as: ManifestFormat.location)
        checkAbsent(fields, relations: ["members", "observers", "children"], noun: "a location")
        let name = name(fields, of: node, noun: "location").flatMap { pathStep($0, of: "location") }
        var children: [DeclaredLocation] = []
        if let value = fields["children"],
            let items = list(value, key: "children", of: "locations", example: "'children: [{name: Floor 2}]'")
        {
            children = items.compactMap { desiredLocation($0) }
        }
        let desired = DeclaredLocation(
            name: name?.value ?? "",
            position: name?.position ?? location(node),
            previousNames: fields["previous_names"].flatMap {
                names($0, key: "previous_names", of: "earlier names", example: "'previous_names: [Madrid HQ]'")?.compactMap {
                    pathStep($0, of: "location", hint: "previous names are names it had under the same parent: a location cannot be moved")
                }
            } ?? [],
            members: fields["members"].flatMap { users($0, key: "members") },
            observers: fields["observers"].flatMap { users($0, key: "observers") },
            children: children,
            protect: bool(fields["protect"], key: "protect", in: "a location"),
            absent: bool(fields["absent"], key: "absent", in: "a location")
        )
        return name == nil ? nil : desired
    }

    mutating func kbCategory(_ node: Node) -> DeclaredKBCategory? {
        guard let mapping = mapping(node, for: "a KB category", example: "'- name: IT'") else { return nil }
        let fields = fields(mapping, as: ManifestFormat.kbCategory)
        checkAbsent(fields, relations: ["children"], noun: "a KB category")
        let name = name(fields, of: node, noun: "KB category").flatMap { pathStep($0, of: "KB category") }
        var children: [DeclaredKBCategory] = []
        if let value = fields["children"],
            let items = list(value, key: "children", of: "KB categories", example: "'children: [{name: Network}]'")
        {
            children = items.compactMap { kbCategory($0) }
        }
        let category = DeclaredKBCategory(
            name: name?.value ?? "",
            position: name?.position ?? location(node),
            previousNames: fields["previous_names"].flatMap {
                names($0, key: "previous_names", of: "earlier names", example: "'previous_names: [Information Technology]'")
            } ?? [],
            children: children,
            protect: bool(fields["protect"], key: "protect", in: "a KB category"),
            absent: bool(fields["absent"], key: "absent", in: "a KB category")
        )
        return name == nil ? nil : category
    }
}
