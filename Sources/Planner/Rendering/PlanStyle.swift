/// How a plan is written for a person: with ANSI colours on a terminal (the CLI decides, as for diagnostics:
/// a terminal, `NO_COLOR` unset), plain otherwise.
package struct PlanStyle: Equatable, Sendable {
    package var colour: Bool

    package init(colour: Bool) {
        self.colour = colour
    }

    package static let plain = PlanStyle(colour: false)

    func paint(_ text: String, _ action: Change.Action) -> String {
        switch action {
        case .create: paint(text, code: "32")
        case .update: paint(text, code: "33")
        case .delete: paint(text, code: "31")
        case .replace: paint(text, code: "35")
        }
    }

    func paint(_ text: String, code: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    func bold(_ text: String) -> String { paint(text, code: "1") }
}
