import EstateModel
import Manifest
import Planner
import Resolution

extension ExportedFiles {
    /// Proves the files reproduce `live`: they load without errors, resolve against it, and plan no
    /// change for the kinds exported. Returns what is wrong (empty when they round-trip).
    public func roundTripProblems(against live: Estate, kinds: Set<ObjectKind>) -> [String] {
        let load = ManifestLoader().load(sources: files.map { ManifestSource(path: $0.path, text: $0.text) })
        let errors = load.diagnostics.filter(\.isError)
        guard errors.isEmpty else { return errors.map { "\($0.position): \($0.message)" } }
        let (desired, diagnostics, _) = ReferenceResolver.resolve(load.estate, against: live)
        let unresolved = diagnostics.filter(\.isError)
        guard unresolved.isEmpty else { return unresolved.map { "\($0.position): \($0.message)" } }
        do {
            let plan = try Planner.plan(desired: desired, live: live, fetched: FetchScope(exporting: kinds).kinds)
            return plan.isEmpty ? [] : ["planning the export against the instance it came from is not empty:\n" + plan.text()]
        } catch {
            return error.errors.map(\.description)
        }
    }
}
