/// A node of the Knowledge Base category tree. Identity: its path of names from the root. The API renames
/// and moves categories in place; `previousNames` are earlier names of this category under the same
/// parent, so a rename keeps the category (and its articles) instead of replacing it.
package struct DeclaredKBCategory: Hashable, Sendable {
    package var name: String
    /// Where the category's name is written.
    package var position: SourceLocation
    package var previousNames: [Located<String>]
    package var children: [DeclaredKBCategory]
    package var protect: Bool
    package var absent: Bool

    package init(
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
