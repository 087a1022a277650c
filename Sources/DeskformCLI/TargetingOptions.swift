import ArgumentParser
import Planner

/// `--target ADDR` and `--exclude ADDR`, repeatable: what `plan`, `apply`, `undo` and `export` are limited to.
package struct TargetingOptions: ParsableArguments, Sendable {
    @Option(
        name: .customLong("target"),
        help: ArgumentHelp(
            "Plan only this object (repeatable): an address as the plan prints it, with * and ? inside the quotes, or a kind alone.",
            valueName: "ADDR"),
        transform: Self.parse)
    package var targets: [AddressPattern] = []

    @Option(
        name: .customLong("exclude"),
        help: ArgumentHelp("Leave this object alone (repeatable): an address, a glob inside the quotes, or a kind.", valueName: "ADDR"),
        transform: Self.parse)
    package var excludes: [AddressPattern] = []

    package init() {}

    package init(targets: [String], excludes: [String] = []) throws {
        self.targets = try targets.map(Self.parse)
        self.excludes = try excludes.map(Self.parse)
    }

    /// What the options select.
    package var targeting: Targeting { Targeting(targets: targets, excludes: excludes) }

    static func parse(_ text: String) throws -> AddressPattern {
        do {
            return try AddressPattern(parsing: text)
        } catch {
            throw ValidationError(error.description)
        }
    }
}
