import EstateModel
import Planner
import Testing

@Suite("Plan rendering")
struct PlanRenderingTests {
    /// A plan creating `count` groups with a member each.
    static func bigPlan(_ count: Int) throws -> Plan {
        var live = Estate(users: [1: User(id: 1, username: "alice", email: "alice@example.com")])
        live.advanceSequences()
        let desired = DesiredState(
            groups: (1...count).map { DesiredState.Group(name: "Group \($0) of a long list of groups", members: [1]) })
        return try Planner.plan(desired: desired, live: live, fetched: [.groups])
    }

    @Test("Markdown is cut below 65,536 characters with a note, keeping the summary and closing the code block")
    func markdownCut() throws {
        let plan = try Self.bigPlan(2_000)
        let markdown = plan.markdown(target: "https://acme.example")
        #expect(markdown.count < 65_536)
        #expect(markdown.hasPrefix("### deskform plan for `https://acme.example`\n\n**Plan: 2000 to add, 0 to change, 0 to destroy.**\n"))
        #expect(markdown.hasSuffix("\n_The plan is cut here: it is longer than a comment can hold. Run `deskform plan` for all of it._\n"))
        #expect(markdown.components(separatedBy: "```").count % 2 == 1, "every code block is closed")
        let small = try Self.bigPlan(3).markdown(target: "https://acme.example")
        #expect(!small.contains("cut here"))
    }

    @Test("deletions come first in Markdown, in their own section")
    func markdownDeletions() throws {
        var live = Estate()
        try live.apply(.createGroup(name: "Old"))
        let desired = DesiredState(groups: [DesiredState.Group(name: "Old", absent: true), DesiredState.Group(name: "New")])
        let markdown = try Planner.plan(desired: desired, live: live, fetched: [.groups]).markdown(target: "t")
        let deletions = try #require(markdown.range(of: "#### ⚠️ Deletions and replacements (1 object destroyed)"))
        let changes = try #require(markdown.range(of: "#### Changes (1)"))
        #expect(deletions.lowerBound < changes.lowerBound)
        #expect(markdown.contains("- - group[\"Old\"]  (absent: true)"))
    }

    @Test("colour only when asked: ANSI codes per action, none in plain text")
    func colour() throws {
        let plan = try Self.bigPlan(1)
        let coloured = plan.text(style: PlanStyle(colour: true))
        #expect(coloured.contains("\u{1B}[32m+\u{1B}[0m \u{1B}[1mgroup[\"Group 1 of a long list of groups\"]\u{1B}[0m"))
        #expect(!plan.text().contains("\u{1B}["))
    }
}
