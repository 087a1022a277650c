import Foundation

/// An exclusive hold on the embedded local instance's folder (`.deskform/lock`), so that two commands
/// over one state file take turns instead of overwriting each other's writes. The operating system
/// releases it if the process dies.
final class LocalInstanceLock {
    private let descriptor: Int32

    /// Another command held the lock for longer than the bound.
    struct Busy: Error, CustomStringConvertible {
        let statePath: String
        let waited: Duration
        var description: String {
            "another deskform command has been using the embedded local instance (\(statePath)) for over \(LocalInstanceLock.words(waited)); let it finish, then run this again"
        }
    }

    /// Takes the lock in `directory`, waiting up to `bound` for another command to let go; `onWait`
    /// hears once that it waits.
    init(directory: String, statePath: String, bound: Duration, onWait: (String) -> Void) throws {
        let path = directory + "/lock"
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        let deadline = ContinuousClock.now + bound
        var told = false
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard ContinuousClock.now < deadline else {
                close(descriptor)
                throw Busy(statePath: statePath, waited: bound)
            }
            if !told {
                onWait(
                    "deskform: another deskform command is using the embedded local instance (\(statePath)); waiting up to \(Self.words(bound)) for it to finish\n"
                )
                told = true
            }
            usleep(50_000)
        }
    }

    /// `120 s`, or `300 ms` below a second.
    static func words(_ duration: Duration) -> String {
        duration < .seconds(1) ? "\(duration.components.attoseconds / 1_000_000_000_000_000) ms" : "\(duration.components.seconds) s"
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
