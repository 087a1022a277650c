import Yams

/// Finds, in a file's text, the repeat of a mapping key whose first occurrence Yams reported.
enum DuplicateKeys {
    /// The position of the next occurrence of `key` used as a key of the same mapping as the one at
    /// `first`: for a block mapping, at the same column; for a flow mapping, after `{` or `,`.
    static func repeatedKey(_ key: String, after first: Mark, in text: String) -> TextPosition? {
        // Split on scalars, not Characters: "\r\n" is a single Character.
        let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        guard first.line >= 1, first.line <= lines.count else { return nil }
        let firstLine = lines[first.line - 1]
        guard first.column >= 1, first.column <= firstLine.count else { return nil }
        let spellings = spellings(of: key, startingWith: firstLine[first.column - 1])
        let blockStyle = firstLine[..<(first.column - 1)].allSatisfy { $0 == " " || $0 == "-" || $0 == "?" }
        for lineIndex in (first.line - 1)..<lines.count {
            let line = lines[lineIndex]
            var column = lineIndex == first.line - 1 ? first.column : 0
            while column < line.count {
                defer { column += 1 }
                guard let length = spellings.lazy.compactMap({ matchLength($0, in: line, at: column) }).first else { continue }
                guard isKey(line, at: column, length: length) else { continue }
                if blockStyle {
                    guard column + 1 == first.column, line[..<column].allSatisfy({ $0 == " " || $0 == "-" || $0 == "?" }) else {
                        continue
                    }
                } else {
                    let before = line[..<column].last(where: { $0 != " " })
                    guard before == "{" || before == "," else { continue }
                }
                return TextPosition(line: lineIndex + 1, column: column + 1)
            }
        }
        return nil
    }

    /// A copy of `text` with the key at `position` made unique: its first character (after a quote)
    /// replaced by a private-use character, so the text keeps its length and every other position.
    static func renaming(at position: TextPosition, in text: String, uniqueIndex: Int) -> String {
        var scalars = Array(text.unicodeScalars)
        var line = 1
        var column = 1
        for index in scalars.indices {
            if line == position.line, column == position.column {
                let target = scalars[index] == "\"" || scalars[index] == "'" ? index + 1 : index
                if target < scalars.count {
                    scalars[target] = Unicode.Scalar(0xF0000 + UInt32(uniqueIndex % 0xFFFD)) ?? "\u{E000}"
                }
                break
            }
            if scalars[index] == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        return String(result)
    }

    private static func spellings(of key: String, startingWith first: Unicode.Scalar) -> [[Unicode.Scalar]] {
        let plain = Array(key.unicodeScalars)
        return [plain, [first] + plain + [first], ["\""] + plain + ["\""], ["'"] + plain + ["'"]]
    }

    private static func matchLength(_ spelling: [Unicode.Scalar], in line: [Unicode.Scalar], at column: Int) -> Int? {
        guard column + spelling.count <= line.count else { return nil }
        for offset in spelling.indices where line[column + offset] != spelling[offset] { return nil }
        return spelling.count
    }

    /// Followed by optional spaces and a `:` that ends the key.
    private static func isKey(_ line: [Unicode.Scalar], at column: Int, length: Int) -> Bool {
        var index = column + length
        while index < line.count, line[index] == " " { index += 1 }
        guard index < line.count, line[index] == ":" else { return false }
        return index + 1 == line.count || line[index + 1] == " " || line[index + 1] == "," || line[index + 1] == "}"
    }
}
