/// The glob patterns of `policy.ignore`: `*` any run of characters, `?` one character, `[abc]` / `[a-z]`
/// / `[!abc]` one of a set, `\` escapes the next character. Matching is on the whole name (or path).
package struct GlobPattern: Hashable, Sendable {
    package let pattern: String

    package init(_ pattern: String) {
        self.pattern = pattern
    }

    /// Why `pattern` is not a valid glob, or nil when it is.
    package static func problem(in pattern: String) -> String? {
        var characters = pattern.makeIterator()
        while let character = characters.next() {
            if character == "\\" {
                if characters.next() == nil { return "it ends with a lone '\\'" }
            } else if character == "[" {
                var closed = false
                var first = true
                while let inner = characters.next() {
                    if inner == "]" && !first {
                        closed = true
                        break
                    }
                    first = inner == "!" && first
                }
                if !closed { return "a '[' is never closed" }
            }
        }
        return nil
    }

    /// Whether `text` as a whole matches the pattern.
    package func matches(_ text: String) -> Bool {
        Self.match(Array(pattern), 0, Array(text), 0)
    }

    private static func match(_ p: [Character], _ pi: Int, _ t: [Character], _ ti: Int) -> Bool {
        var pi = pi
        var ti = ti
        while pi < p.count {
            switch p[pi] {
            case "*":
                while pi < p.count, p[pi] == "*" { pi += 1 }
                if pi == p.count { return true }
                for start in ti...t.count where match(p, pi, t, start) { return true }
                return false
            case "?":
                guard ti < t.count else { return false }
                pi += 1
                ti += 1
            case "[":
                guard ti < t.count, let (matched, next) = matchSet(p, pi, t[ti]), matched else { return false }
                pi = next
                ti += 1
            case "\\" where pi + 1 < p.count:
                guard ti < t.count, t[ti] == p[pi + 1] else { return false }
                pi += 2
                ti += 1
            default:
                guard ti < t.count, t[ti] == p[pi] else { return false }
                pi += 1
                ti += 1
            }
        }
        return ti == t.count
    }

    private static func matchSet(_ p: [Character], _ start: Int, _ c: Character) -> (Bool, Int)? {
        var i = start + 1
        var negated = false
        if i < p.count, p[i] == "!" {
            negated = true
            i += 1
        }
        var matched = false
        var first = true
        while i < p.count {
            if p[i] == "]" && !first { return (matched != negated, i + 1) }
            if i + 2 < p.count, p[i + 1] == "-", p[i + 2] != "]" {
                if p[i] <= c && c <= p[i + 2] { matched = true }
                i += 3
            } else {
                if p[i] == c { matched = true }
                i += 1
            }
            first = false
        }
        return nil
    }
}
