import ArgumentParser
import EstateModel
import Foundation
import Manifest

/// A kind on the command line is named as in a manifest (`kb_categories`).
extension ObjectKind: ExpressibleByArgument {
    /// The kinds of a comma-separated list (`groups, kb_categories`), each once, in the order given:
    /// what `export --kinds` parses. An unknown kind is refused with a did-you-mean hint.
    static func list(_ text: String) throws(ValidationError) -> [ObjectKind] {
        var kinds: [ObjectKind] = []
        for word in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !word.isEmpty {
            guard let kind = ObjectKind(argument: word) else {
                let hint = Suggestion.didYouMean(word, among: allValueStrings) ?? "the kinds are \(allValueStrings.joined(separator: ", "))"
                throw ValidationError("unknown kind '\(word)' (\(hint))")
            }
            if !kinds.contains(kind) { kinds.append(kind) }
        }
        guard !kinds.isEmpty else { throw ValidationError("no kind named (the kinds are \(allValueStrings.joined(separator: ", ")))") }
        return kinds
    }
}
