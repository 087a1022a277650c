/// A node of the Knowledge Base category tree. Identity: its path of names from the root. The API renames
/// and moves categories in place; `previousNames` are earlier names of this category under the same
/// parent, so a rename keeps the category (and its articles) instead of replacing it.
public struct DeclaredKBCategory: Hashable, Sendable {
    public var name: String
    /// Where the category's name is written.
    public var position: SourceLocation
    public var previousNames: [Located<String>]
    public var children: [DeclaredKBCategory]
    public var protect: Bool
    public var absent: Bool

    public init(
        name: String, position: SourceLocation = .unknown, previousNames: [Located<String>] = [],
        children: [DeclaredKBCategory] = [], protect: Bool = false, absent: Bool = false
    ) {
        self.name = name
        self.position = position
        self.previousNames = previousNames
        self.children = children
        self.protect = protect
        self.absent = absent
    }
}
