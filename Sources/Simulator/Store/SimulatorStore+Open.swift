import EstateModel

extension SimulatorStore {
    /// The store `options` describe: the estate saved in the state file when there is one; else the
    /// seed file's, else the demo seed's, saved at once to the state file when one is set.
    package static func open(_ options: SimulatorOptions) throws(SimulatorSetupError) -> SimulatorStore {
        let stateFile = options.statePath.map(StateFile.init(path:))
        let estate: Estate
        do {
            if let stateFile, stateFile.exists {
                estate = try stateFile.load()
            } else {
                estate = try options.seedPath.map { path throws(SeedError) in try Seed.load(path: path) } ?? Seed.demoEstate
                try stateFile?.save(estate)
            }
        } catch let error as StateFileError {
            throw .state(error)
        } catch let error as SeedError {
            throw .seed(error)
        } catch {
            throw .state(StateFileError(path: options.statePath ?? "", reason: "\(error)"))
        }
        return SimulatorStore(estate: estate, stateFile: stateFile, faultSeed: options.faultSeed)
    }
}

/// Why a simulator cannot start.
package enum SimulatorSetupError: Error, Equatable, Sendable, CustomStringConvertible {
    case state(StateFileError)
    case seed(SeedError)
    /// Another program listens on the port.
    case portInUse(host: String, port: Int)
    /// The address to listen on is not one of this machine's.
    case hostNotHere(host: String)

    package var description: String {
        switch self {
        case .state(let error): error.description
        case .seed(let error): error.description
        case .portInUse(let host, let port):
            "port \(port) on \(host) is already in use (another simulator or program listens there); choose another with --port N, or --port 0 for any free port"
        case .hostNotHere(let host):
            "\(host) is not an address of this machine, so the simulator cannot listen on it; use --host 127.0.0.1 (this machine only) or 0.0.0.0 (every interface)"
        }
    }
}
