import Yams

extension ManifestReader {
    mutating func helpDesk(_ node: Node) -> DeclaredHelpDesk? {
        guard let mapping = mapping(node, for: "a help desk", example: "'- name: Service Desk'") else { return nil }
        let fields = fields(mapping, as: ManifestFormat.helpDesk)
        let name = name(fields, of: node, noun: "help desk")
        var levels: [DeclaredLevel] = []
        if let value = fields["levels"],
            let items = list(value, key: "levels", of: "levels", example: "'levels: [{name: Level 2, observers: [heidi]}]'")
        {
            levels = items.compactMap { level($0) }
        }
        guard let name else { return nil }
        return DeclaredHelpDesk(
            name: name.value, position: name.position,
            observers: fields["observers"].flatMap { users($0, key: "observers") },
            levels: levels
        )
    }

    mutating func level(_ node: Node) -> DeclaredLevel? {
        guard let mapping = mapping(node, for: "a level", example: "'- name: Level 2' or '- order: 2'") else { return nil }
        let fields = fields(mapping, as: ManifestFormat.level)
        let observers = fields["observers"].flatMap { users($0, key: "observers") }
        switch (fields["name"], fields["order"]) {
        case (.some, .some):
            error(
                fields.keys["order"]!, "a level is picked by 'name' or by 'order', not both",
                hint: "keep one of them")
            return nil
        case (nil, nil):
            error(node, "a level has neither 'name' nor 'order'", hint: "add 'name: Level 2' or 'order: 2'")
            return nil
        case (.some, nil):
            guard let name = name(fields, of: node, noun: "level") else { return nil }
            return DeclaredLevel(selector: .name(name.value), position: name.position, observers: observers)
        case (nil, .some(let orderNode)):
            guard let order = integer(orderNode, key: "order", in: "a level", minimum: 1) else { return nil }
            return DeclaredLevel(selector: .order(order.value), position: order.position, observers: observers)
        }
    }
}
