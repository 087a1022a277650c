import EstateModel
import Manifest
import Planner

/// A `--target` or `--exclude` that names nothing the manifests declare or the instance holds, with
/// the nearest addresses that do exist.
package struct UnmatchedTarget: Equatable, Sendable, CustomStringConvertible {
    /// `--target` or `--exclude`.
    package var option: String
    package var pattern: AddressPattern
    /// Up to three existing addresses of the same kind within a likely typo, the closest first.
    package var nearest: [Address]
    /// Where it was looked for, as the message says it.
    package var searched = "in the manifests or on the instance"

    package var description: String {
        var text = "\(option) \(pattern) matches nothing \(searched)"
        if nearest.count == 1 { text += "\n  hint: did you mean \(nearest[0])?" }
        if nearest.count > 1 { text += "\n  hint: the nearest addresses are \(nearest.map(\.description).joined(separator: ", "))" }
        return text
    }

    /// Every target and exclude of `targeting` that matches none of `addresses`.
    package static func find(
        in targeting: Targeting, among addresses: [Address], searched: String = "in the manifests or on the instance"
    ) -> [UnmatchedTarget] {
        let known = Array(Set(addresses)).sorted()
        let options = targeting.targets.map { ("--target", $0) } + targeting.excludes.map { ("--exclude", $0) }
        return options.compactMap { option, pattern in
            guard !known.contains(where: pattern.matches) else { return nil }
            let candidates = known.filter { pattern.kinds.contains($0.kind) }
            let name = pattern.glob ?? pattern.description
            let closest = Suggestion.closest(to: name, among: candidates.map(\.name))
            // The suggestion first, then the other close ones by edit distance, ignoring case (ties in address order).
            let word = name.lowercased()
            let others = candidates.filter { $0.name != closest && Suggestion.isClose(name, $0.name) }.enumerated().map { index, address in
                (distance: Suggestion.editDistance(address.name.lowercased(), word), index: index, address: address)
            }
            let nearest =
                candidates.filter { $0.name == closest }
                + others.sorted { ($0.distance, $0.index) < ($1.distance, $1.index) }.map(\.address)
            return UnmatchedTarget(option: option, pattern: pattern, nearest: Array(nearest.prefix(3)), searched: searched)
        }
    }
}
