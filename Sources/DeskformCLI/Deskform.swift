import ArgumentParser

/// `deskform`: configuration as code for InvGate Service Management.
package struct Deskform: AsyncParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "deskform",
        abstract: "Configuration as code for InvGate Service Management.",
        version: DeskformVersion.description,
        subcommands: [
            ValidateCommand.self, PlanCommand.self, ApplyCommand.self, UndoCommand.self, ShowCommand.self, ExportCommand.self,
            DoctorCommand.self, ScopesCommand.self, SchemaCommand.self, SimulatorCommand.self,
        ]
    )

    package init() {}

    /// The exit codes a command that plans can end with, for its `--help`: what 2 and 3 mean for it.
    static func exitCodes(changes: String, refused: String) -> String {
        """
        EXIT CODES
          0    done, or nothing to do
          1    an error: bad manifests, the instance unreachable, a step that failed
          2    \(changes)
          3    \(refused)
          64   a usage error: an unknown option, options that do not go together
          130  interrupted (Ctrl-C)
        """
    }
}
