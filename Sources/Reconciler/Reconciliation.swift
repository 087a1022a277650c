import EstateModel
import InvGateAPI
import InvGateWire
import Logging
import Manifest
import Planner
import Resolution

/// One reconciliation: the live estate read for the manifests, the desired state resolved against
/// it, and the plan between them. What `plan` shows and `apply` carries out.
package struct Reconciliation: Sendable {
    /// What was read: the kinds planned and those their steps can change as a side effect.
    package var scope: FetchScope
    package var live: Estate
    package var desired: DesiredState
    package var plan: Plan

    /// Reads the live estate, resolves the manifests against it and plans; with `targeting`, only what
    /// its targets reach is read and planned, and a target or exclude that matches nothing is an error.
    package static func prepare(
        _ manifest: DeclaredEstate, targeting: Targeting = .everything, client: InvGateClient, parallelism: Int,
        skippingMissingUsers: Bool = false, logger: Logger
    ) async throws(ReconciliationFailure) -> Reconciliation {
        // What is planned (counted, pruned) and what is read: that, and the kinds its steps reach.
        let planned = FetchScope(manifest: manifest).narrowed(to: targeting)
        let scope = planned.withSideEffects
        let manifest = targeting.isEverything ? manifest : manifest.keeping(planned)
        let live: Estate
        do {
            live = try await LiveEstateReader(client: client, parallelism: parallelism, logger: logger).read(scope)
        } catch {
            throw .api(error)
        }
        let (resolved, diagnostics, places) = ReferenceResolver.resolve(manifest, against: live, skippingMissingUsers: skippingMissingUsers)
        guard !diagnostics.containsErrors else { throw .manifests(diagnostics) }
        let unmatched = UnmatchedTarget.find(in: targeting, among: resolved.addresses + live.addresses)
        guard unmatched.isEmpty else { throw .unmatchedTargets(unmatched) }
        let desired = resolved.targeted(targeting, live: live)
        do {
            let plan = try Planner.plan(
                desired: desired, live: live, fetched: planned.kinds,
                warnings: diagnostics.filter { !$0.isError }.map { "\($0.position): \($0.message)" })
            return Reconciliation(scope: scope, live: live, desired: desired, plan: plan)
        } catch {
            throw .planning(error.errors.map { Self.diagnostic($0, places: places) })
        }
    }

    /// This reconciliation saved for `apply FILE`: its plan, made for `target`, with what it read and a
    /// fingerprint of it.
    package func saved(for target: String) -> PlanFile {
        PlanFile(target: target, scope: scope, live: live, plan: plan)
    }

    /// The live estate read again as `file`'s plan read it, and what changed on it since `file` was
    /// saved: no change when the plan still holds.
    package static func reread(
        _ file: PlanFile, client: InvGateClient, parallelism: Int, logger: Logger
    ) async throws(InvGateError) -> (live: Estate, changes: [LiveFingerprint.Difference]) {
        let live = try await LiveEstateReader(client: client, parallelism: parallelism, logger: logger).read(file.scope)
        return (live, LiveFingerprint(of: live, kinds: file.scope.kinds).differences(from: file.fingerprint))
    }

    /// A planning error at the manifest position of the object it names.
    static func diagnostic(_ error: PlanError, places: [Address: SourceLocation]) -> Diagnostic {
        switch error {
        case .protected(let address, _), .ambiguous(let address, _), .otherIdentity(let address, _, _):
            .error(at: places[address] ?? .deskform, error.description, hint: error.hint)
        case .erasedByCascade(let victim, let cause, _), .changedBySideEffect(let victim, let cause, _):
            .error(at: places[cause] ?? places[victim] ?? .deskform, error.description, hint: error.hint)
        case .doesNotConverge, .inconsistent:
            .error(at: .deskform, error.description, hint: "this is a deskform bug: please report it with the manifests")
        }
    }
}

/// Why a reconciliation could not produce a plan.
package enum ReconciliationFailure: Error, Sendable {
    /// The instance could not be read.
    case api(InvGateError)
    /// References the live estate does not have (and any warnings found with them).
    case manifests([Diagnostic])
    /// The planner refused: protected objects, ambiguities, or a plan that would not converge.
    case planning([Diagnostic])
    /// `--target` or `--exclude` addresses that name nothing in the manifests or on the instance.
    case unmatchedTargets([UnmatchedTarget])
}
