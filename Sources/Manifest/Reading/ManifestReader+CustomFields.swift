import Yams

extension ManifestReader {
    mutating func customField(_ node: Node) -> DeclaredCustomField? {
        guard let mapping = mapping(node, for: "a custom field", example: "'- field: Department'") else { return nil }
        let fields = fields(mapping, as: ManifestFormat.customField)
        let field = name(fields, key: "field", of: node, noun: "custom field")
        if let optionsKey = fields.keys["options"], fields.keys["tree"] != nil {
            error(
                optionsKey, "custom field has both 'options' and 'tree'",
                hint: "a list-type field takes 'options', a tree-type field takes 'tree'; keep the one that matches the field")
            return nil
        }
        var options: [DeclaredListOption]?
        if let value = fields["options"] { options = listOptions(value) }
        var tree: [DeclaredTreeOption]?
        if let value = fields["tree"],
            let items = list(value, key: "tree", of: "tree options", example: "'tree: [{name: Europe, key: eu}]'")
        {
            tree = items.compactMap { treeOption($0) }
        }
        if fields["options"] == nil, fields["tree"] == nil, let field {
            diagnostics.append(
                .warning(
                    at: field.position, "custom field '\(field.value)' declares neither 'options' nor 'tree'",
                    hint: "nothing of it is managed; add 'options' (list-type) or 'tree' (tree-type)"))
        }
        guard let field else { return nil }
        return DeclaredCustomField(field: field.value, position: field.position, options: options, tree: tree)
    }

    /// `options: {key: value, …}`: a list-type field's options, in file order.
    mutating func listOptions(_ node: Node) -> [DeclaredListOption]? {
        guard case .mapping(let mapping) = node else {
            if Self.isNull(node) {
                error(node, "'options' has no value", hint: "write 'options: {}' to remove every option, or remove the key")
            } else {
                error(
                    node, "'options' must be a mapping of key to value, not \(Self.describe(node))",
                    hint: "write 'options: {sales: Sales, it: IT}'")
            }
            return nil
        }
        var options: [DeclaredListOption] = []
        for (keyNode, valueNode) in mapping {
            if let mark = keyNode.mark, repeatedKeys.contains(TextPosition(mark)) { continue }
            guard case .scalar(let keyScalar) = keyNode, !Self.isNull(keyScalar) else {
                error(keyNode, "an option key must be a single value, not \(Self.describe(keyNode))")
                continue
            }
            let key = Located(keyScalar.string, at: location(keyNode))
            guard checkName(key, what: "option key") else { continue }
            guard case .scalar(let valueScalar) = valueNode, !Self.isNull(valueScalar) else {
                error(
                    Self.isNull(valueNode) ? keyNode : valueNode,
                    Self.isNull(valueNode)
                        ? "option '\(key.value)' has no value"
                        : "the value of option '\(key.value)' must be a single value, not \(Self.describe(valueNode))",
                    hint: "write '\(key.value): Label'")
                continue
            }
            let value = Located(valueScalar.string, at: location(valueNode))
            guard checkName(value, what: "option value") else { continue }
            options.append(DeclaredListOption(key: key.value, value: value.value, position: key.position))
        }
        return options
    }

    mutating func treeOption(_ node: Node) -> DeclaredTreeOption? {
        guard let mapping = mapping(node, for: "a tree option", example: "'- {name: Europe, key: eu}'") else { return nil }
        let fields = fields(mapping, as: ManifestFormat.treeOption)
        let name = name(fields, of: node, noun: "tree option").flatMap { pathStep($0, of: "tree option") }
        var key: Located<String>?
        if let value = fields["key"], let text = text(value, key: "key", in: "a tree option"), checkName(text, what: "tree option key") {
            key = text
        }
        var children: [DeclaredTreeOption] = []
        if let value = fields["children"],
            let items = list(value, key: "children", of: "tree options", example: "'children: [{name: Madrid, key: mad}]'")
        {
            children = items.compactMap { treeOption($0) }
        }
        guard let name else { return nil }
        return DeclaredTreeOption(name: name.value, key: key, position: name.position, children: children)
    }
}
