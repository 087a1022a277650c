import ArgumentParser
import Foundation

/// What a command printed and how it ended, kept apart from the terminal so tests can check it.
public struct CommandOutput: Equatable, Sendable {
    /// For standard output.
    public var output: String = ""
    /// For standard error: diagnostics, progress, the target line of machine-readable formats.
    public var errorOutput: String = ""
    public var exitCode: Int32 = 0

    public init(output: String = "", errorOutput: String = "", exitCode: Int32 = 0) {
        self.output = output
        self.errorOutput = errorOutput
        self.exitCode = exitCode
    }

    /// Writes both streams and ends with the exit code.
    func emit() throws {
        // Output first: its first line names the target, before any diagnostic.
        if !output.isEmpty { FileHandle.standardOutput.write(Data(output.utf8)) }
        if !errorOutput.isEmpty { FileHandle.standardError.write(Data(errorOutput.utf8)) }
        if exitCode != 0 { throw ExitCode(exitCode) }
    }
}
