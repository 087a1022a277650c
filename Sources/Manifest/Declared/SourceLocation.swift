/// A position in a manifest file: the file as it was given on the command line (or found under a
/// directory given there), and a 1-based line and column. Columns count Unicode scalars, as libyaml does.
///
/// A line of 0 means "the file (or path) as a whole": a path that does not exist, an empty directory.
package struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    package var file: String
    package var line: Int
    package var column: Int

    package init(file: String, line: Int = 0, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// A location for values that were not read from a file (built in code, or stripped for comparison).
    package static let unknown = SourceLocation(file: "")

    /// The run as a whole, for a problem that has no place in a file: rendered `deskform: error: …`.
    package static let deskform = SourceLocation(file: "deskform")

    /// `path:line:column`, or just `path` when the location is the whole file.
    package var description: String {
        line > 0 ? "\(file):\(line):\(column)" : file
    }

    /// `line L, column C` in the same file, for hints that point elsewhere in the file being read.
    package var lineAndColumn: String { "line \(line), column \(column)" }

    /// A short reference to this place from `other`: `line 3, column 5` in the same file, else `path:3:5`.
    package func reference(from other: SourceLocation) -> String {
        file == other.file && line > 0 ? lineAndColumn : description
    }

    package static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
