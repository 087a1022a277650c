import Foundation
import Manifest
import Testing

/// Problems with the paths and bytes given, rather than with their YAML.
@Suite struct FileDiagnosticsTests {
    /// A fresh temporary directory, removed by the caller.
    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("manifest-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func aFileThatIsNotUTF8IsReportedAtItsFirstBadByte() {
        var bytes = Data("companies:\n  - name: Caf".utf8)
        bytes.append(0xE9)  // é in Latin-1
        bytes.append(contentsOf: Data("\n".utf8))
        let load = ManifestLoader().load(sources: [ManifestSource(path: "latin1.yaml", data: bytes)])
        #expect(DiagnosticRenderer().render(load.diagnostics) == """
            latin1.yaml:2:14: error: file is not valid UTF-8 (byte 0xE9)
              hint: save it as UTF-8 (it looks like another encoding, such as Latin-1)

            """)
        #expect(!load.isValid)
    }

    @Test func aUTF16FileIsNamedAsSuch() {
        let bytes = Data([0xFF, 0xFE]) + "groups: []".data(using: .utf16LittleEndian)!
        let load = ManifestLoader().load(sources: [ManifestSource(path: "wide.yaml", data: bytes)])
        #expect(DiagnosticRenderer().render(load.diagnostics) == """
            wide.yaml:1:1: error: file is UTF-16, not UTF-8
              hint: save it as UTF-8

            """)
    }

    @Test func aPathThatDoesNotExistIsAnError() {
        let load = ManifestLoader().load(paths: ["/nonexistent/deskform/manifests"])
        #expect(DiagnosticRenderer().render(load.diagnostics) == """
            /nonexistent/deskform/manifests: error: no such file or directory
              hint: give manifest files, or directories that hold them

            """)
        #expect(!load.isValid)
    }

    @Test func anEmptyDirectoryIsAWarningOnly() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("not yaml".utf8).write(to: directory.appendingPathComponent("notes.txt"))
        let load = ManifestLoader().load(paths: [directory.path])
        #expect(DiagnosticRenderer().render(load.diagnostics) == "\(directory.path): warning: no *.yaml or *.yml files in this directory\n")
        #expect(load.isValid)
    }

    @Test func directoriesAreReadRecursivelyInSortedOrderSkippingHiddenOnes() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let manager = FileManager.default
        try manager.createDirectory(at: directory.appendingPathComponent("b/c"), withIntermediateDirectories: true)
        try manager.createDirectory(at: directory.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try Data("groups: [{name: Three}]".utf8).write(to: directory.appendingPathComponent("b/c/z.yml"))
        try Data("groups: [{name: Two}]".utf8).write(to: directory.appendingPathComponent("b/a.yaml"))
        try Data("groups: [{name: One}]".utf8).write(to: directory.appendingPathComponent("a.yaml"))
        try Data("groups: [{name: Hidden}]".utf8).write(to: directory.appendingPathComponent(".git/x.yaml"))
        try Data("ignored".utf8).write(to: directory.appendingPathComponent("README.md"))
        let load = ManifestLoader().load(paths: [directory.path, directory.appendingPathComponent("a.yaml").path])
        #expect(load.diagnostics.isEmpty)
        #expect(load.files == ["a.yaml", "b/a.yaml", "b/c/z.yml"].map { directory.path + "/" + $0 })
        #expect(load.estate.groups.map(\.name) == ["One", "Two", "Three"])
        #expect(load.estate.groups[2].location == SourceLocation(file: directory.path + "/b/c/z.yml", line: 1, column: 17))
    }

    @Test func aFileGivenByNameThatIsNotYAMLIsSkippedWithAWarning() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let readme = directory.appendingPathComponent("README.md").path
        try Data("# Manifests".utf8).write(to: URL(fileURLWithPath: readme))
        let load = ManifestLoader().load(paths: [readme])
        #expect(DiagnosticRenderer().render(load.diagnostics) == "\(readme): warning: not a *.yaml or *.yml file; skipped\n")
    }

    @Test func problemsInSeveralFilesComeTogetherSortedByFileAndLine() {
        let load = ManifestLoader().load(sources: [
            ManifestSource(path: "b.yaml", text: "groups:\n  - name: X\n    membres: []\n"),
            ManifestSource(path: "a.yaml", text: "companies:\n  - name: A\n    protect: maybe\n  - nme: B\n"),
        ])
        #expect(load.diagnostics.map(\.location.description) == ["a.yaml:3:14", "a.yaml:4:5", "a.yaml:4:5", "b.yaml:3:5"])
        #expect(load.diagnostics.map(\.message) == [
            "'protect' of a company must be true or false, not 'maybe'",
            "company has no 'name'",
            "unknown key 'nme' in a company",
            "unknown key 'membres' in a group",
        ])
    }

    @Test func emptyFilesAndDocumentsAreFine() {
        let load = ManifestLoader().load(sources: [
            ManifestSource(path: "empty.yaml", text: ""),
            ManifestSource(path: "comments.yaml", text: "# nothing yet\ncompanies:\n  # - name: Later\n---\n"),
        ])
        #expect(load.diagnostics.isEmpty)
        #expect(load.estate == DesiredEstate())
    }
}
