import Foundation

/// An exclusive hold on the embedded local instance's folder (`.deskform/lock`), so that two commands
/// over one state file take turns instead of overwriting each other's writes. The operating system
/// releases it if the process dies.
final class LocalInstanceLock {
    private let descriptor: Int32

    /// Another command held the lock for longer than the bound.
    struct Busy: SentenceFailure {
        let statePath: String
        let waited: Duration
        var description: String {
            "another deskform command has been using the embedded local instance (\(statePath)) for over \(LocalInstanceLock.words(waited)); let it finish, then run this again"
        }
    }

    /// Cancelled (Ctrl-C) while waiting for another command to let go.
    struct Interrupted: SentenceFailure {
        let statePath: String
        var status: ExitStatus { .interrupted }
        var description: String {
            "interrupted while waiting for the embedded local instance (\(statePath)); nothing was changed"
        }
    }

    /// Takes the lock in `directory`, waiting up to `bound` for another command to let go; `onWait`
    /// hears once that it waits. Cancelled while it waits, it fails with ``Interrupted``.
    init(directory: String, statePath: String, bound: Duration, onWait: (String) -> Void) async throws {
        descriptor = try await Self.take(directory: directory, statePath: statePath, bound: bound, onWait: onWait)
    }

    /// The lock file's descriptor, locked; closed again when it cannot be locked.
    private static func take(directory: String, statePath: String, bound: Duration, onWait: (String) -> Void) async throws -> Int32 {
        let path = directory + "/lock"
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw LocalInstanceFolderError(opening: path, errno: errno)
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
                    "deskform: another deskform command is using the embedded local instance (\(statePath)); waiting up to \(words(bound)) for it to finish\n"
                )
                told = true
            }
            do {
                try await Task.sleep(for: .milliseconds(50))
            } catch {
                close(descriptor)
                throw Interrupted(statePath: statePath)
            }
        }
        return descriptor
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

/// The embedded local instance's folder cannot be made, or its lock opened: one sentence with the
/// operating system's reason and the ways around it.
struct LocalInstanceFolderError: SentenceFailure {
    /// What could not be done, e.g. `create the embedded local instance's folder .deskform`.
    let action: String
    /// The operating system's words for why (`strerror`).
    let reason: String

    init(creating folder: String, errno code: Int32) {
        action = "create the embedded local instance's folder \(folder)"
        reason = String(cString: strerror(code)).lowercased()
    }

    init(opening lock: String, errno code: Int32) {
        action = "open the embedded local instance's lock \(lock)"
        reason = String(cString: strerror(code)).lowercased()
    }

    var description: String {
        "cannot \(action) (\(reason)); run from a writable folder, set DESKFORM_DIR, or set INVGATE_URL"
    }
}
