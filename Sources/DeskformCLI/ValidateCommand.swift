import ArgumentParser
import Foundation
import Manifest

/// `deskform validate [PATHS…] [--format text|json]`: checks manifests offline, with no API call.
/// Exit 0 when there is no error (warnings allowed), 1 otherwise.
public struct ValidateCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check manifests offline: YAML syntax, the format, and consistency across files.",
        discussion: "Makes no API call. Reports every problem at once as path:line:column. Exit code 0 when valid (warnings allowed), 1 on any error."
    )

    public enum Format: String, ExpressibleByArgument, CaseIterable, Sendable {
        case text
        case json
    }

    @Argument(help: "Manifest files or directories, searched recursively for *.yaml and *.yml.")
    public var paths: [String] = []

    @Option(help: "Output format: text or json.")
    public var format: Format = .text

    public init() {}

    public func run() async throws {
        let colour = DiagnosticRenderer.wantsColour(fileDescriptor: 2, environment: ProcessInfo.processInfo.environment)
        let result = Self.validate(paths: paths, format: format, colour: colour)
        FileHandle.standardError.write(Data(result.errorOutput.utf8))
        FileHandle.standardOutput.write(Data(result.output.utf8))
        if result.exitCode != 0 { throw ExitCode(result.exitCode) }
    }

    /// What `validate` prints and its exit code, without touching the terminal (for tests).
    public struct Result: Equatable, Sendable {
        /// For standard output: the JSON report, or the one-line summary of a clean run.
        public var output: String
        /// For standard error: the diagnostics and their count, in text format.
        public var errorOutput: String
        public var exitCode: Int32
    }

    public static func validate(paths: [String], format: Format, colour: Bool = false) -> Result {
        let load = ManifestLoader().load(paths: paths.isEmpty ? ["."] : paths)
        let exitCode: Int32 = load.isValid ? 0 : 1
        switch format {
        case .json:
            let report = DiagnosticReport(diagnostics: load.diagnostics, files: load.files.count)
            return Result(output: report.json(), errorOutput: "", exitCode: exitCode)
        case .text:
            let renderer = DiagnosticRenderer(colour: colour)
            var errorOutput = renderer.render(load.diagnostics)
            let files = "\(load.files.count) file\(load.files.count == 1 ? "" : "s")"
            if load.isValid {
                let warnings = load.diagnostics.isEmpty ? "" : " (\(DiagnosticRenderer.summary(of: load.diagnostics)))"
                let objects = load.estate.objectCount
                return Result(
                    output: "Manifests are valid: \(files), \(objects) object\(objects == 1 ? "" : "s")\(warnings).\n",
                    errorOutput: errorOutput, exitCode: exitCode)
            }
            errorOutput += "\(DiagnosticRenderer.summary(of: load.diagnostics)) in \(files).\n"
            return Result(output: "", errorOutput: errorOutput, exitCode: exitCode)
        }
    }
}
