import EstateModel
import Logging
import Simulator

/// Data and helpers shared by the test targets.
package enum Fixtures {
    /// The demo instance the simulator starts with by default (``Seed/demoYAML``).
    package static var demoEstate: Estate { Seed.demoEstate }

    /// `estate` with one more user, deleted, who has the username and email of its lowest-id user (a
    /// live instance keeps deleted accounts, and a new account may take a deleted one's name).
    package static func withDeletedTwin(_ estate: Estate) -> Estate {
        guard let first = estate.users.keys.min().flatMap({ estate.users[$0] }) else { return estate }
        var estate = estate
        let id = (estate.users.keys.max() ?? 0) + 1000
        estate.users[id] = User(
            id: id, username: first.username, email: first.email, name: first.name, lastname: first.lastname, isDeleted: true,
            userType: first.userType)
        return estate
    }

    /// A logger that drops everything, for servers and clients under test.
    package static let quietLogger = Logger(label: "deskform.test", factory: { _ in SwiftLogNoOpLogHandler() })
}
