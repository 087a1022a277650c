import ArgumentParser
import DeskformCLI
import Foundation
import Manifest
import Testing

@Suite struct ValidateCommandTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    @Test func examplesTogetherAreCleanAndExitZero() async {
        let (code, result) = await Console.run {
            ValidateCommand.validate(paths: [Self.path("examples/acme"), Self.path("examples/msp")], format: .text, console: $0)
        }
        #expect(code == 0)
        #expect(result.errorOutput == "")
        #expect(result.output.hasPrefix("Manifests are valid: 11 files, "))
    }

    @Test func errorsGoToStandardErrorWithTheirPositionAndExitOne() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("validate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("acme.yaml")
        try Data("companies:\n  - name: Acme\n    membres: [alice]\n    protect: true\n".utf8).write(to: file)
        let (code, result) = await Console.run { ValidateCommand.validate(paths: [file.path], format: .text, console: $0) }
        #expect(code == 1)
        #expect(result.output == "")
        #expect(
            result.errorOutput == """
                \(file.path):3:5: error: unknown key 'membres' in a company
                  hint: did you mean 'members'?
                1 error, 0 warnings in 1 file.

                """)
    }

    @Test func warningsAloneKeepExitZero() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("validate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("Groups.YML")
        try Data("groups:\n  - name: \"Ops \"\n".utf8).write(to: file)
        let (code, result) = await Console.run { ValidateCommand.validate(paths: [directory.path], format: .text, console: $0) }
        #expect(code == 0)
        #expect(
            result.errorOutput == """
                \(file.path):2:11: warning: group name 'Ops ' starts or ends with whitespace
                  hint: the instance may trim it, and the plan would never settle

                """)
        #expect(result.output == "Manifests are valid: 1 file, 1 object (0 errors, 1 warning).\n")
    }

    @Test func pathsWithoutManifestsAreAnErrorThatSaysWhatIsRead() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("validate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("docs"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("# Manifests".utf8).write(to: directory.appendingPathComponent("docs/README.md"))
        let (code, result) = await Console.run { ValidateCommand.validate(paths: [directory.path], format: .text, console: $0) }
        #expect(code == 1)
        #expect(result.output == "")
        #expect(
            result.errorOutput == """
                deskform: error: no manifests found in \(directory.path)
                  hint: deskform reads *.yaml and *.yml files (in any case), searching directories recursively and skipping hidden ones
                1 error, 0 warnings in 0 files.

                """)
    }

    @Test func jsonReportListsEveryDiagnostic() async throws {
        let (code, result) = await Console.run {
            ValidateCommand.validate(paths: [Self.path("examples/acme"), "/nonexistent/manifests"], format: .json, console: $0)
        }
        #expect(code == 1)
        let report = try JSONDecoder().decode(DiagnosticReport.self, from: Data(result.output.utf8))
        #expect(!report.valid && report.errors == 1 && report.warnings == 0 && report.files == 1)
        #expect(
            report.diagnostics == [
                Diagnostic.Record(
                    severity: .error, file: "/nonexistent/manifests", line: 0, column: 0,
                    message: "no such file or directory", hint: "give manifest files, or directories that hold them")
            ])
    }

    @Test func argumentsParse() throws {
        let command = try #require(try Deskform.parseAsRoot(["validate", "--format", "json", "a", "b"]) as? ValidateCommand)
        #expect(command.paths == ["a", "b"] && command.format == .json)
        let defaults = try #require(try Deskform.parseAsRoot(["validate"]) as? ValidateCommand)
        #expect(defaults.paths.isEmpty && defaults.format == .text)
        #expect(throws: (any Error).self) { try Deskform.parseAsRoot(["validate", "--format", "yaml"]) }
        #expect(try Deskform.parseAsRoot(["schema"]) is SchemaCommand)
    }
}
