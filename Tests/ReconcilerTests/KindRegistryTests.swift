import EstateModel
import Foundation
import InvGateAPI
import InvGateWire
import Manifest
import Planner
import Reconciler
import TestSupport
import Testing

/// Every kind in `ObjectKind`'s registry takes part in every behaviour that spans kinds: read through the
/// endpoints its descriptor names (which `doctor` probes), fingerprinted and compared by its managed
/// state, exported so that the export plans clean, and addressed by `--target`. (Undo: `UndoPropertyTests`
/// checks that every kind is restored.) A kind added to the registry without one of these fails here.
@Suite("The registry of kinds: each kind in every cross-kind behaviour")
struct KindRegistryTests {
    /// A random instance that has objects of every kind, and a plan over it with steps of every kind.
    static func estateAndPlan() throws -> (Estate, Plan) {
        for seed: UInt64 in 1...200 {
            var generator = EstateGenerator(seed: seed)
            let live = generator.liveEstate()
            guard let plan = try? Planner.plan(desired: generator.desiredState(over: live), live: live, fetched: Set(ObjectKind.allCases))
            else { continue }
            let kinds = Set(plan.steps.map(\.operation.kind))
            if kinds == Set(ObjectKind.allCases), ObjectKind.allCases.allSatisfy({ !live.managedState(of: [$0]).isEmpty }) {
                return (live, plan)
            }
        }
        throw RegistryTestFailure.noEstate
    }

    enum RegistryTestFailure: Error { case noEstate }

    @Test("read: only the kind's endpoints (those doctor probes) are asked, and its managed state comes back whole", arguments: ObjectKind.allCases)
    func read(kind: ObjectKind) async throws {
        let (estate, _) = try Self.estateAndPlan()
        try await withLiveSimulator(estate: estate) { simulator in
            let counting = CountingTransport(simulator.transport)
            let client = InvGateClient(instanceURL: simulator.url, credentials: simulator.credentials, transport: counting)
            let read = try await LiveEstateReader(client: client, logger: Fixtures.quietLogger).read(FetchScope([kind]))
            #expect(read.managedState(of: [kind]) == estate.managedState(of: [kind]))
            let asked = Set(await counting.log.requests.map(\.path))
            let probed = Set(FetchScope([kind]).endpoints.map(\.path))
            #expect(asked.isSubset(of: probed), "\(kind) asked \(asked.subtracting(probed))")
        }
    }

    @Test("fingerprint and managed state: each step of the kind changes them, naming the object", arguments: ObjectKind.allCases)
    func fingerprint(kind: ObjectKind) throws {
        let (estate, plan) = try Self.estateAndPlan()
        let before = LiveFingerprint(of: estate, kinds: [kind])
        var checked = 0
        var replayed = estate
        for step in plan.steps {
            let previous = replayed
            try replayed.apply(step.operation)
            guard step.operation.kind == kind, replayed.managedState(of: [kind]) != previous.managedState(of: [kind]) else { continue }
            let differences = LiveFingerprint(of: replayed, kinds: [kind]).differences(from: LiveFingerprint(of: previous, kinds: [kind]))
            #expect(!differences.isEmpty, "\(step.operation) is not seen by the fingerprint")
            checked += 1
        }
        #expect(checked > 0, "no step of \(kind) changes its managed state")
        #expect(!LiveFingerprint(of: replayed, kinds: [kind]).differences(from: before).isEmpty)
    }

    @Test("export: the kind's objects are written, and the export plans no change against the instance", arguments: ObjectKind.allCases)
    func export(kind: ObjectKind) throws {
        let (estate, _) = try Self.estateAndPlan()
        let manifest = EstateExport(estate, kinds: [kind]).manifest
        #expect(manifest.declares(kind))
        let files = ExportedFiles(manifest, split: true, schema: "", header: [])
        #expect(files.roundTripProblems(against: estate, kinds: [kind]) == [])
    }

    @Test("targeting: the kind's name and every address kind of its objects select it, and the read keeps it", arguments: ObjectKind.allCases)
    func targeting(kind: ObjectKind) throws {
        // An option's address begins with its field's label.
        let scope = FetchScope(Set(ObjectKind.allCases), fields: ["Office"])
        var patterns = [try AddressPattern(parsing: kind.rawValue)]
        patterns += try kind.descriptor.addressKinds.map { try AddressPattern(parsing: "\($0.rawValue)[\"\($0 == .option ? "Office/*" : "*")\"]") }
        for pattern in patterns {
            #expect(pattern.objectKinds == [kind], "\(pattern)")
            #expect(scope.narrowed(to: Targeting(targets: [pattern])).reads(kind), "\(pattern)")
        }
    }
}
