import EstateModel
import Logging
import Simulator

/// Data and helpers shared by the test targets.
public enum Fixtures {
    /// The demo instance the simulator starts with by default (``Seed/demoYAML``).
    public static var demoEstate: Estate { Seed.demoEstate }

    /// A logger that drops everything, for servers and clients under test.
    public static let quietLogger = Logger(label: "deskform.test", factory: { _ in SwiftLogNoOpLogHandler() })
}
