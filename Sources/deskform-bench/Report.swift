import EstateModel
import Foundation

/// The measured table, the machine and the command, as Markdown for BENCHMARKS.md.
struct Report {
    let size: BenchmarkSize
    let estate: Estate
    let rows: [Row]
    let parallelism: Int
    let command: String

    static let start = "<!-- deskform-bench:start -->"
    static let end = "<!-- deskform-bench:end -->"

    var markdown: String {
        let memberships =
            estate.companies.values.reduce(0) { $0 + $1.members.count } + estate.groups.values.reduce(0) { $0 + $1.members.count }
            + estate.locations.values.reduce(0) { $0 + $1.members.count }
        let observers =
            estate.companies.values.reduce(0) { $0 + $1.observers.count } + estate.groups.values.reduce(0) { $0 + $1.observers.count }
            + estate.locations.values.reduce(0) { $0 + $1.observers.count }
        var lines = [
            "Size \(size.rawValue): \(estate.companies.count) companies, \(estate.groups.count) groups, \(estate.locations.count) locations, "
                + "\(estate.kbCategories.count) KB categories, \(estate.users.count) users, \(memberships) memberships, \(observers) observers, "
                + "\(estate.customFields[1]!.listOptions.count) list and \(estate.customFields[2]!.treeOptions.count) tree options.",
            "",
            "Machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(Self.memory()) memory; parallelism \(parallelism); "
                + "command: `swift run -c release deskform-bench \(command)`; peak RSS of the whole run (simulator included): "
                + String(format: "%.0f MiB", Measurement.peakRSS()) + ".",
            "",
            "| scenario | latency | wall | API calls | planner CPU | steps | note |",
            "|---|---:|---:|---:|---:|---:|---|",
        ]
        for row in rows {
            lines.append(
                "| \(row.scenario) | \(row.latency) ms | \(String(format: "%.3f s", row.wall)) | \(row.calls) | "
                    + (row.plannerCPU.map { String(format: "%.3f s", $0) } ?? "") + " | " + (row.steps.map(String.init) ?? "")
                    + " | \(row.note) |")
        }
        if let calls = rows.first(where: { $0.scenario.hasPrefix("(b)") })?.byEndpoint {
            lines += [
                "", "Calls of `plan` by endpoint: " + calls.keys.sorted().map { "\($0) × \(calls[$0]!)" }.joined(separator: ", ") + ".",
            ]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Replaces the table between the markers in `path` (or appends it).
    func record(in path: String) throws {
        try Self.record(markdown, between: Self.start, and: Self.end, in: path)
    }

    /// Replaces what is between `start` and `end` in `path` with `markdown` (or appends it, marked).
    static func record(_ markdown: String, between start: String, and end: String, in path: String) throws {
        var text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? "# Benchmarks\n"
        let block = "\(start)\n\(markdown)\(end)\n"
        if let lower = text.range(of: start), let upper = text.range(of: end) {
            let through = text[upper.upperBound...].hasPrefix("\n") ? text.index(after: upper.upperBound) : upper.upperBound
            text.replaceSubrange(lower.lowerBound..<through, with: block)
        } else {
            text += "\n" + block
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    static func memory() -> String {
        guard let info = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8),
            let line = info.split(separator: "\n").first(where: { $0.hasPrefix("MemTotal:") }),
            let kilobytes = Double(line.split(separator: " ")[1])
        else { return "unknown" }
        return String(format: "%.0f GiB", kilobytes / 1_048_576)
    }
}
