import DeskformCLI
import Dispatch
import Foundation

@main
enum Main {
    /// Ctrl-C cancels the command, so that it says "interrupted" and stops cleanly; a second one, or
    /// a command still running 3 s later, ends the process at once.
    static func main() async {
        let command = Task { await Deskform.main() }
        signal(SIGINT, SIG_IGN)
        let interrupts = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        nonisolated(unsafe) var interrupted = false
        interrupts.setEventHandler {
            if interrupted { exit(130) }
            interrupted = true
            command.cancel()
            DispatchQueue.global().asyncAfter(deadline: .now() + 3) { exit(130) }
        }
        interrupts.resume()
        await command.value
    }
}
