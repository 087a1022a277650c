import ArgumentParser
import EstateModel
import Foundation
import Manifest
import Planner
import Reconciler

/// `deskform export [--out DIR] [--kinds …] [--split]`: writes manifests that reproduce the live
/// estate, so that `plan` against the same instance shows no changes.
package struct ExportCommand: AsyncParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write manifests that reproduce the instance (export, then plan: no changes).",
        discussion: """
            Every company, group, location, help desk, KB category and list- or tree-type custom field is \
            written with all its relations ('[]' where empty: the exported state is authoritative). Users are \
            written by username, else by email, else by id. What cannot be written without planning differently \
            (two groups with one name, …) is left out with a warning. No policy is written: nothing is pruned \
            until you add one. The directory must be new or empty unless --force.
            """
    )

    @Option(help: "The directory to write into (new or empty unless --force).")
    package var out = "deskform-export"

    @Option(
        help: "Comma-separated kinds to export: \(ObjectKind.allValueStrings.joined(separator: ", ")) (default: all).",
        transform: { try ObjectKind.list($0) })
    package var kinds: [ObjectKind] = ObjectKind.allCases

    @Flag(help: "One file per kind and a folder per company, instead of one estate.yaml.")
    package var split = false

    @Flag(help: "Write into a non-empty directory, replacing the manifests of an earlier export there.")
    package var force = false

    @Option(
        help: "The $schema reference written in each file (default: a copy of the schema written as manifest.schema.json in the directory)."
    )
    package var schemaURL: String?

    @OptionGroup package var selection: TargetingOptions

    @OptionGroup package var target: TargetOptions

    package init() {}

    package func run() async throws {
        let code = await Self.export(
            out: out, kinds: kinds, split: split, force: force, schemaURL: schemaURL, targeting: selection.targeting, target: target,
            environment: ProcessInfo.processInfo.environment, console: .standard())
        if code != 0 { throw ExitCode(code) }
    }

    /// The file holding the schema when no `--schema-url` is given.
    package static let schemaFileName = "manifest.schema.json"

    /// Exports and reports on `console`; returns the exit code. `now` is the time written in the headers.
    /// On a terminal, a line on standard error counts the requests as the instance is read; it ends, on
    /// any console, as the line saying how many requests reading took and how many ran at once.
    package static func export(
        out: String, kinds: [ObjectKind] = ObjectKind.allCases, split: Bool = false, force: Bool = false, schemaURL: String? = nil,
        targeting: Targeting = .everything, target options: TargetOptions, environment: [String: String], now: Date = Date(),
        console: Console
    ) async -> Int32 {
        await console.run {
            try await export(
                into: ExportDirectory(path: out), kinds: kinds, split: split, force: force, schemaURL: schemaURL, targeting: targeting,
                target: options, environment: environment, now: now, console: console)
        }
    }

    /// The export itself: its failures are thrown, for the console to render.
    static func export(
        into directory: ExportDirectory, kinds: [ObjectKind], split: Bool, force: Bool, schemaURL: String?, targeting: Targeting,
        target options: TargetOptions, environment: [String: String], now: Date, console: Console
    ) async throws {
        let out = directory.path
        try directory.check(force: force)
        // Targeted companies are written with the groups they relate to (`Estate.selecting`), so that what is written stands alone.
        let reached = targeting.kinds.contains(.companies) ? targeting.kinds.union([.groups]) : targeting.kinds
        let kinds = Set(kinds).intersection(reached)
        let progress = console.isTerminal && environment["TERM"] != "dumb" ? ProgressLine(console: console) : nil
        var pipeline = Pipeline(options: options, environment: environment, console: console)
        if let progress { pipeline.onRequest = { _ in progress.request() } }
        pipeline.scopes = FetchScope(exporting: kinds).readScopes
        try await pipeline.connect { connection in
            let read: Estate
            do {
                read = try await connection.read(FetchScope(exporting: kinds))
            } catch {
                // Worded by the pipeline, as for plan: a 403 names the endpoint and the fix.
                progress?.finish("failed")
                throw error
            }
            let unmatched = UnmatchedTarget.find(in: targeting, among: read.addresses)
            guard unmatched.isEmpty else {
                progress?.finish("failed")
                throw CommandError.unmatchedTargets(unmatched, notDone: Pipeline.unmatchedAdvice("Nothing was exported"))
            }
            let report = await connection.readReport()
            if let progress { progress.replace(with: report) } else { console.err(report) }
            let live = read.selecting(targeting)
            let export = EstateExport(live, kinds: kinds)
            let source = if case .local = connection.target { connection.identity } else { Self.publicURL(connection.url) }
            let header = ["Exported by deskform from \(source) at \(Self.timestamp(now))"]
            let files = ExportedFiles(export.manifest, split: split, schema: schemaURL ?? Self.schemaFileName, header: header)
            for warning in export.warnings { console.warn(warning) }
            let problems = files.roundTripProblems(against: live, kinds: kinds)
            guard problems.isEmpty else { throw CommandError.exportWouldDiffer(problems) }
            let schema = schemaURL == nil ? [ExportedFiles.File(path: Self.schemaFileName, text: ManifestSchema.json)] : []
            let removed = try directory.write(files, extra: schema)
            console.out(removed.map { "removed \($0) (written by an earlier export, no longer exported)\n" }.joined())
            console.out(Self.summary(export.manifest, files: files.files.count, directory: out))
        }
    }

    /// The instance URL without user, password, query or fragment.
    package static func publicURL(_ url: String) -> String {
        guard var components = URLComponents(string: url) else { return "the instance" }
        components.user = nil
        components.password = nil
        components.query = nil
        components.fragment = nil
        return components.string ?? "the instance"
    }

    /// ISO-8601 in UTC to the second, e.g. `2025-05-01T09:30:00Z`.
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    static func summary(_ manifest: DeclaredEstate, files: Int, directory: String) -> String {
        func count(_ number: Int, _ noun: String, _ plural: String? = nil) -> String? {
            number == 0 ? nil : number.counted(noun, plural: plural)
        }
        func treeCount<T>(_ nodes: [T], _ children: (T) -> [T]) -> Int {
            nodes.reduce(nodes.count) { $0 + treeCount(children($1), children) }
        }
        let parts = [
            count(manifest.companies.count, "company", "companies"), count(manifest.groups.count, "group"),
            count(treeCount(manifest.locations, \.children), "location"), count(manifest.helpDesks.count, "help desk"),
            count(treeCount(manifest.kbCategories, \.children), "KB category", "KB categories"),
            count(manifest.customFields.count, "custom field"), count(manifest.users.count, "user"),
        ].compactMap { $0 }
        return
            "Exported \(parts.isEmpty ? "nothing" : parts.joined(separator: ", ")) to \(directory) (\(files.counted("file"))).\n"
    }
}
