/// The options of an existing list- or tree-type custom field. `field` is the field's label or, when all
/// digits, its uid. `options` (list-type) and `tree` (tree-type) are exclusive; when present they are
/// authoritative: live options not listed are removed.
public struct DeclaredCustomField: Hashable, Sendable {
    public var field: String
    /// Where the field's label or uid is written.
    public var position: SourceLocation
    public var options: [DeclaredListOption]?
    public var tree: [DeclaredTreeOption]?

    public init(
        field: String, position: SourceLocation = .unknown, options: [DeclaredListOption]? = nil,
        tree: [DeclaredTreeOption]? = nil
    ) {
        self.field = field
        self.position = position
        self.options = options
        self.tree = tree
    }

    /// The uid when `field` is all digits.
    public var uid: Int? {
        field.allSatisfy(\.isASCII) ? Int(field) : nil
    }
}

/// One `key: value` option of a list-type field, in file order.
public struct DeclaredListOption: Hashable, Sendable {
    public var key: String
    public var value: String
    /// Where the option's key is written.
    public var position: SourceLocation

    public init(key: String, value: String, position: SourceLocation = .unknown) {
        self.key = key
        self.value = value
        self.position = position
    }
}

/// A node of a tree-type field's options. Identity: `key` when set, else the path of names.
public struct DeclaredTreeOption: Hashable, Sendable {
    public var name: String
    /// The option's key (with where it is written), unique within the field.
    public var key: Located<String>?
    /// Where the option's name is written.
    public var position: SourceLocation
    public var children: [DeclaredTreeOption]

    public init(name: String, key: Located<String>? = nil, position: SourceLocation = .unknown, children: [DeclaredTreeOption] = []) {
        self.name = name
        self.key = key
        self.position = position
        self.children = children
    }
}
