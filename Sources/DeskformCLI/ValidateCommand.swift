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
        let code = Self.validate(paths: paths, format: format, colour: colour, console: .standard())
        if code != 0 { throw ExitCode(code) }
    }

    /// Validates and reports on `console`: the JSON report or the summary of a clean run on standard
    /// output, the diagnostics and their count (text format) on standard error. Returns the exit code.
    public static func validate(paths: [String], format: Format, colour: Bool = false, console: Console) -> Int32 {
        let load = ManifestLoader().load(paths: paths.isEmpty ? ["."] : paths)
        switch format {
        case .json:
            console.out(DiagnosticReport(diagnostics: load.diagnostics, files: load.files.count).json())
        case .text:
            console.err(DiagnosticRenderer(colour: colour).render(load.diagnostics))
            let files = "\(load.files.count) file\(load.files.count == 1 ? "" : "s")"
            if load.isValid {
                let warnings = load.diagnostics.isEmpty ? "" : " (\(DiagnosticRenderer.summary(of: load.diagnostics)))"
                let objects = load.estate.objectCount
                console.out("Manifests are valid: \(files), \(objects) object\(objects == 1 ? "" : "s")\(warnings).\n")
            } else {
                console.err("\(DiagnosticRenderer.summary(of: load.diagnostics)) in \(files).\n")
            }
        }
        return load.isValid ? 0 : 1
    }
}
