/// The options of an existing list- or tree-type custom field. `field` is the field's label or, when all
/// digits, its uid. `options` (list-type) and `tree` (tree-type) are exclusive; when present they are
/// authoritative: live options not listed are removed.
package struct DeclaredCustomField: Hashable, Sendable {
    package var field: String
    /// Where the field's label or uid is written.
    package var position: SourceLocation
    package var options: [DeclaredListOption]?
    package var tree: [DeclaredTreeOption]?

    package init(
        field: String, position: SourceLocation = .unknown, options: [DeclaredListOption]? = nil,
        tree: [DeclaredTreeOption]? = nil
    ) {
        self.field = field
        self.position = position
        self.options = options
        self.tree = tree
    }

    /// The uid when `field` is all digits.
    package var uid: Int? {
        field.allSatisfy(\.isASCII) ? Int(field) : nil
    }
}

/// One `key: value` option of a list-type field, in file order.
package struct DeclaredListOption: Hashable, Sendable {
    package var key: String
    package var value: String
    /// Where the option's key is written.
    package var position: SourceLocation

    package init(key: String, value: String, position: SourceLocation = .unknown) {
        self.key = key
        self.value = value
        self.position = position
    }
}

/// A node of a tree-type field's options. Identity: `key` when set, else the path of names.
package struct DeclaredTreeOption: Hashable, Sendable {
    package var name: String
    /// The option's key (with where it is written), unique within the field.
    package var key: Located<String>?
    /// Where the option's name is written.
    package var position: SourceLocation
    package var children: [DeclaredTreeOption]

    package init(name: String, key: Located<String>? = nil, position: SourceLocation = .unknown, children: [DeclaredTreeOption] = []) {
        self.name = name
        self.key = key
        self.position = position
        self.children = children
    }
}
