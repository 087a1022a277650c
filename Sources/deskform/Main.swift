import ArgumentParser
import DeskformCLI
import Dispatch
import Foundation
import Synchronization

@main
enum Main {
    /// Ctrl-C cancels the command, so that it says "interrupted" and stops cleanly, and the process
    /// exits 130 (as a shell reports a command ended by SIGINT) unless the command had finished its work
    /// anyway; a second Ctrl-C, or a command still running 30 s later, ends the process at once, also 130
    /// (30 s, not less: a loaded machine may need seconds to finish the steps in flight and write the report).
    static func main() async {
        Console.prepareStandardStreams()
        let interrupted = Mutex(false)
        let command = Task { () -> (any Error)? in
            do {
                var command = try Deskform.parseAsRoot()
                if var command = command as? any AsyncParsableCommand {
                    try await command.run()
                } else {
                    try command.run()
                }
                return nil
            } catch {
                return error
            }
        }
        signal(SIGINT, SIG_IGN)
        let interrupts = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        // @Sendable: the handler runs on a global queue, so it must not be inferred main-actor isolated
        // (the runtime traps such a closure called off the main actor).
        interrupts.setEventHandler { @Sendable in
            let again = interrupted.withLock { (was: inout Bool) in
                defer { was = true }
                return was
            }
            if again { exit(ExitStatus.interrupted.rawValue) }
            command.cancel()
            DispatchQueue.global().asyncAfter(deadline: .now() + 30) { exit(ExitStatus.interrupted.rawValue) }
        }
        interrupts.resume()
        guard let error = await command.value else { return }
        if interrupted.withLock({ $0 }) { exit(ExitStatus.interrupted.rawValue) }
        Deskform.exit(withError: error)
    }
}
