/// "Did you mean …?": the closest of some candidates to a word that was not recognised.
package enum Suggestion {
    /// The candidate closest to `word`, if one is close enough to be a likely typo: a known alias
    /// (`childs` → `children`), the same word in another case or spelling (`external-id`), a small edit
    /// distance (transpositions count as one edit), or a shared prefix of at least four characters.
    package static func closest(
        to word: String, among candidates: [String], aliases: [String: String] = [:]
    ) -> String? {
        let normalised = normalise(word)
        if let alias = aliases[normalised], candidates.contains(alias) { return alias }
        if let same = candidates.first(where: { normalise($0) == normalised }) { return same }
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(normalised, normalise(candidate))
            if distance <= limit(normalised, candidate), distance < (best?.distance ?? .max) {
                best = (candidate, distance)
            }
        }
        if let best { return best.candidate }
        let prefixed = candidates.filter { candidate in
            let shared = commonPrefixLength(normalised, normalise(candidate))
            return shared >= 4 && shared >= min(normalised.count, candidate.count) - 2
        }
        return prefixed.count == 1 ? prefixed[0] : nil
    }

    /// Whether `candidate` is within a likely typo of `word`: a few edits, more for longer words.
    package static func isClose(_ word: String, _ candidate: String) -> Bool {
        let normalised = normalise(word)
        return editDistance(normalised, normalise(candidate)) <= limit(normalised, candidate)
    }

    private static func limit(_ word: String, _ candidate: String) -> Int {
        max(1, min(3, max(word.count, candidate.count) / 3))
    }

    /// `did you mean 'members'?`, or nil when nothing is close.
    package static func didYouMean(
        _ word: String, among candidates: [String], aliases: [String: String] = [:]
    ) -> String? {
        closest(to: word, among: candidates, aliases: aliases).map { "did you mean '\($0)'?" }
    }

    static func normalise(_ word: String) -> String {
        String(word.lowercased().map { $0 == "-" || $0 == " " ? "_" : $0 })
    }

    static func commonPrefixLength(_ a: String, _ b: String) -> Int {
        zip(a, b).prefix(while: { $0 == $1 }).count
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and adjacent
    /// transpositions each cost one.
    package static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
