import EstateModel
import Foundation
import Simulator
import Testing

@Suite struct PersistenceTests {
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("deskform-sim-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func writesArePersistedAndReloaded() async throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let options = SimulatorOptions(statePath: directory.appendingPathComponent("state/estate.json").path)

        let first = try SimulatorStore.open(options)
        #expect(await first.estate == Seed.demoEstate)
        try await withRouter(store: first) { (client, _) async throws in
            #expect(try await client.send(.post, "companies", form: "name=Acme&external_id=A1").status == 200)
            #expect(try await client.send(.post, "companies.users", form: "id=1&users[]=1&users[]=2").status == 200)
            #expect(try await client.send(.post, "cf.field.options.list", form: "uid=1&type=key-value&key_values[ops]=Ops").status == 200)
            // A refused write changes nothing, on disk either.
            #expect(try await client.send(.post, "companies.users", form: "id=1&users[]=99").status == 404)
        }
        let written = await first.estate
        #expect(written.companies[1]?.members == [1, 2])

        // A restart reads the state file, not the seed.
        var restart = options
        restart.seedPath = directory.appendingPathComponent("missing-seed.yaml").path
        let second = try SimulatorStore.open(restart)
        #expect(await second.estate == written)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("state").path)
        #expect(leftovers == ["estate.json"])
    }

    @Test func startsFromASeedFile() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let seed = directory.appendingPathComponent("seed.yaml")
        try smallSeed.write(to: seed, atomically: true, encoding: .utf8)
        let store = try SimulatorStore.open(SimulatorOptions(seedPath: seed.path))
        #expect(store.stateFile == nil)
        #expect(throws: SimulatorSetupError.self) {
            try SimulatorStore.open(SimulatorOptions(seedPath: directory.appendingPathComponent("nope.yaml").path))
        }
    }

    @Test func aCorruptStateFileIsReported() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let state = directory.appendingPathComponent("estate.json")
        try "{not json".write(to: state, atomically: true, encoding: .utf8)
        #expect(throws: SimulatorSetupError.self) { try SimulatorStore.open(SimulatorOptions(statePath: state.path)) }
        let advice = "move it aside to start again from the seed (this loses the local instance's data)"
        let notJSON = #expect(throws: StateFileError.self) { try StateFile(path: state.path).load() }
        #expect(notJSON?.description == "State file \(state.path) is not a saved estate (it is not JSON); \(advice).")
        try #"{"groups": 3}"#.write(to: state, atomically: true, encoding: .utf8)
        let error = #expect(throws: StateFileError.self) { try StateFile(path: state.path).load() }
        #expect(error?.description == "State file \(state.path) is not a saved estate (users is missing at the top); \(advice).")
    }
}
