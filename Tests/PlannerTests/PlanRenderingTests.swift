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
        #expect(markdown.contains("- group[\"Old\"]  (absent: true)\n-     name: \"Old\"\n"))
    }

    /// A plan with a rename, a deletion with a side effect, a child created under its parent, and more
    /// deletions than `max_deletes`.
    static func everyKindOfLine() throws -> Plan {
        var live = Estate(users: [1: User(id: 1, username: "alice", email: "alice@example.com")])
        for name in ["Old", "Older", "Oldest"] { try live.apply(.createGroup(name: name)) }
        try live.apply(.addMembers(.group(1), users: [1]))
        try live.apply(.createKBCategory(name: "IT", parentID: nil))
        live.advanceSequences()
        let desired = DesiredState(
            groups: ["Old", "Older", "Oldest"].map { DesiredState.Group(name: $0, absent: true) } + [DesiredState.Group(name: "New", members: [1])],
            kbCategories: [.init(path: ["Tech"], previousNames: ["IT"]), .init(path: ["Tech", "Network"])],
            policy: .init(maxDeletes: 2))
        return try Planner.plan(desired: desired, live: live, fetched: [.groups, .kbCategories])
    }

    @Test("the Markdown plan carries every line of the text plan and its verdict, one diff marker a line, no stray blank line")
    func markdownCarriesTheTextPlan() throws {
        let plan = try Self.everyKindOfLine()
        let markdown = plan.markdown(target: "t")
        let text = plan.text()
        let diff = markdown.components(separatedBy: "```diff\n").dropFirst().flatMap {
            $0.components(separatedBy: "\n```")[0].split(separator: "\n", omittingEmptySubsequences: false)
        }
        #expect(!diff.isEmpty)
        for line in diff {
            // One marker, a space, then never a second marker.
            #expect(line.first.map { "+-!".contains($0) } == true && line.dropFirst().first == " ", "\(line)")
            #expect(!["+ ", "- ", "! ", "~ "].contains(where: line.dropFirst(2).hasPrefix), "two markers: \(line)")
        }
        let body = text.components(separatedBy: "deskform will perform the following actions:\n")[1].components(separatedBy: "API calls")[0]
        for line in body.split(separator: "\n") where line.hasPrefix("    ") {
            // An attribute, relation or side effect: the same words after the marker.
            var words = line.drop(while: { $0 == " " })
            if ["+ ", "- ", "! "].contains(where: words.hasPrefix) { words = words.dropFirst(2) }
            #expect(diff.contains { $0.dropFirst(2).drop(while: { $0 == " " }) == words }, "Markdown lacks '\(words)'")
        }
        for change in plan.changes { #expect(markdown.contains("\(change.address)"), "\(change.address)") }
        #expect(markdown.contains(#"! kb_category["Tech"] ~  ("#))
        #expect(markdown.contains("!     name: \"IT\" → \"Tech\""))
        #expect(markdown.contains("+     parent: \"Tech\""))
        #expect(markdown.contains("!     drops its 1 membership"))
        #expect(markdown.contains(try #require(plan.policyVerdict)))
        #expect(!markdown.contains("\n\n\n"), "a stray blank line")
    }

    @Test("the policy line names at most five held changes, then how many more")
    func policyLineIsCut() throws {
        var live = Estate()
        for index in 1...9 { try live.apply(.createGroup(name: "Old \(index)")) }
        live.advanceSequences()
        let desired = DesiredState(groups: (1...9).map { DesiredState.Group(name: "Old \($0)", absent: true) })
        let plan = try Planner.plan(desired: desired, live: live, fetched: [.groups])
        #expect(
            plan.policyVerdict
                == "Policy: it destroys 9 objects, within policy.max_deletes (10); apply --hold-deletes would hold back "
                + #"group["Old 1"], group["Old 2"], group["Old 3"], group["Old 4"], group["Old 5"] … and 4 more."#)
        #expect(plan.text().contains("4 more."))
    }

    @Test("colour only when asked: ANSI codes per action, none in plain text")
    func colour() throws {
        let plan = try Self.bigPlan(1)
        let coloured = plan.text(style: PlanStyle(colour: true))
        #expect(coloured.contains("\u{1B}[32m+\u{1B}[0m \u{1B}[1mgroup[\"Group 1 of a long list of groups\"]\u{1B}[0m"))
        #expect(!plan.text().contains("\u{1B}["))
    }
}
