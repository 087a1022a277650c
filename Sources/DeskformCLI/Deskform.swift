import ArgumentParser

/// `deskform`: configuration as code for InvGate Service Management.
public struct Deskform: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "deskform",
        abstract: "Configuration as code for InvGate Service Management.",
        version: DeskformVersion.description,
        subcommands: [
            ValidateCommand.self, PlanCommand.self, ApplyCommand.self, UndoCommand.self, ShowCommand.self, ExportCommand.self,
            DoctorCommand.self, ScopesCommand.self, SchemaCommand.self, SimulatorCommand.self,
        ]
    )

    public init() {}
}
