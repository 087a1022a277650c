import Foundation
import Synchronization

/// Loads manifests: finds the files under the paths given, reads each (UTF-8, YAML, format v1), merges
/// what they declare and checks the whole. Never throws: every problem becomes a `Diagnostic`.
///
///     let load = ManifestLoader().load(paths: ["examples/msp"])
///     if load.isValid { plan(load.estate) } else { print(DiagnosticRenderer().render(load.diagnostics)) }
package struct ManifestLoader: Sendable {
    package init() {}

    /// Loads the `*.yaml` / `*.yml` files found under `paths` (files are taken as given; directories
    /// are searched recursively, hidden entries skipped, in sorted order; extensions in any case).
    /// Paths that hold no manifest at all are an error.
    ///
    /// `overlaid`: each path is read over the ones before it (an environment's `paths`, see
    /// `EstateOverlay`) instead of all being merged as one. `variables`: `${var.NAME}` and `${env.NAME}`
    /// in values are replaced (an error where a name has no value); without them, values stay as written.
    package func load(paths: [String], overlaid: Bool = false, variables: ManifestVariables? = nil) -> ManifestLoad {
        var diagnostics: [Diagnostic] = []
        var layers: [[ManifestSource]] = []
        var files: [String] = []
        for group in overlaid ? paths.map({ [$0] }) : [paths] {
            let found = ManifestFiles.find(paths: group)
            diagnostics += found.diagnostics
            var sources: [ManifestSource] = []
            for file in found.files where !files.contains(file) {
                files.append(file)
                do {
                    sources.append(ManifestSource(path: file, data: try Data(contentsOf: URL(fileURLWithPath: file))))
                } catch {
                    diagnostics.append(.error(at: SourceLocation(file: file), "cannot read file: \(error.localizedDescription)"))
                }
            }
            layers.append(sources)
        }
        var load = load(layers: layers, variables: variables)
        load.diagnostics = (load.diagnostics + diagnostics).sorted()
        return load
    }

    /// Loads paths already in memory, each laid over the ones before it (see `EstateOverlay`).
    package func load(layers: [[ManifestSource]], variables: ManifestVariables? = nil) -> ManifestLoad {
        var overlay = EstateOverlay()
        var diagnostics: [Diagnostic] = []
        for sources in layers {
            var layer = FileContribution()
            for (contribution, fileDiagnostics) in Self.read(sources, variables: variables) {
                diagnostics += fileDiagnostics
                layer.append(contribution)
            }
            let policy = Self.merge(layer.policies, diagnostics: &diagnostics)
            overlay.lay(layer, policy: policy)
        }
        var estate = overlay.estate
        estate.policy = overlay.policy
        diagnostics += overlay.diagnostics
        diagnostics += EstateChecks(estate: estate).run()
        return ManifestLoad(estate: estate, diagnostics: diagnostics, files: layers.flatMap { $0.map(\.path) })
    }

    /// Whether `path` is named as a manifest file: it ends in `.yaml` or `.yml`, in any case.
    package static func isManifestPath(_ path: String) -> Bool {
        ManifestFiles.extensions.contains(URL(fileURLWithPath: path).pathExtension.lowercased())
    }

    /// Loads manifests already in memory, merged in the order given: one layer.
    package func load(sources: [ManifestSource], variables: ManifestVariables? = nil) -> ManifestLoad {
        load(layers: [sources], variables: variables)
    }

    /// Reads every source, on all cores: each file is independent until merged.
    static func read(_ sources: [ManifestSource], variables: ManifestVariables? = nil) -> [(FileContribution, [Diagnostic])] {
        // One slot per file, each written by exactly one iteration.
        let results = Mutex<[(FileContribution, [Diagnostic])?]>(Array(repeating: nil, count: sources.count))
        DispatchQueue.concurrentPerform(iterations: sources.count) { index in
            let read = ManifestFile.read(sources[index], variables: variables)
            results.withLock { $0[index] = read }
        }
        return results.withLock { $0.compactMap { $0 } }
    }

    /// `policy` may be split across files: `prune` and `ignore` lists merge; `max_deletes` may be set once.
    static func merge(_ policies: [(policy: Policy, location: SourceLocation)], diagnostics: inout [Diagnostic]) -> Policy {
        var merged = Policy()
        for (policy, _) in policies {
            for kind in policy.prune {
                if let first = merged.prune.first(where: { $0.value == kind.value }) {
                    if first.position.file != kind.position.file {
                        diagnostics.append(
                            .error(
                                at: kind.position, "kind '\(kind.value.rawValue)' is listed twice in 'policy.prune'",
                                hint: "first listed at \(first.position)"))
                    }
                } else {
                    merged.prune.append(kind)
                }
            }
            merged.ignore += policy.ignore
            if let invite = policy.inviteUsers {
                if let first = merged.inviteUsers {
                    diagnostics.append(
                        .error(at: invite.position, "'policy.invite_users' is set twice", hint: "first set at \(first.position)"))
                } else {
                    merged.inviteUsers = invite
                }
            }
            if let maxDeletes = policy.maxDeletes {
                if let first = merged.maxDeletes {
                    diagnostics.append(
                        .error(
                            at: maxDeletes.position, "'policy.max_deletes' is set twice",
                            hint: "first set at \(first.position)"))
                } else {
                    merged.maxDeletes = maxDeletes
                }
            }
        }
        return merged
    }
}
