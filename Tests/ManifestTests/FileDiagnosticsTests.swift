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
        #expect(
            DiagnosticRenderer().render(load.diagnostics) == """
                latin1.yaml:2:14: error: file is not valid UTF-8 (byte 0xE9)
                  hint: save it as UTF-8 (it looks like another encoding, such as Latin-1)

                """)
        #expect(!load.isValid)
    }

    @Test func aUTF16FileIsNamedAsSuch() {
        let bytes = Data([0xFF, 0xFE]) + "groups: []".data(using: .utf16LittleEndian)!
        let load = ManifestLoader().load(sources: [ManifestSource(path: "wide.yaml", data: bytes)])
        #expect(
            DiagnosticRenderer().render(load.diagnostics) == """
                wide.yaml:1:1: error: file is UTF-16, not UTF-8
                  hint: save it as UTF-8

                """)
    }

    @Test func aPathThatDoesNotExistIsAnError() {
        let load = ManifestLoader().load(paths: ["/nonexistent/deskform/manifests"])
        #expect(
            DiagnosticRenderer().render(load.diagnostics) == """
                /nonexistent/deskform/manifests: error: no such file or directory
                  hint: give manifest files, or directories that hold them

                """)
        #expect(!load.isValid)
    }

    static let noManifestsHint =
        "deskform reads *.yaml and *.yml files (in any case), searching directories recursively and skipping hidden ones"

    @Test func pathsThatHoldNoManifestAreOneErrorForTheRun() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let manager = FileManager.default
        try manager.createDirectory(at: directory.appendingPathComponent("empty"), withIntermediateDirectories: true)
        try manager.createDirectory(at: directory.appendingPathComponent("notes/.hidden"), withIntermediateDirectories: true)
        try Data("not yaml".utf8).write(to: directory.appendingPathComponent("notes/notes.txt"))
        try Data("groups: []".utf8).write(to: directory.appendingPathComponent("notes/.hidden/x.yaml"))
        let paths = [
            directory.appendingPathComponent("empty").path, directory.appendingPathComponent("notes").path,
            directory.appendingPathComponent("notes/notes.txt").path,
        ]
        let load = ManifestLoader().load(paths: paths)
        #expect(
            DiagnosticRenderer().render(load.diagnostics) == """
                deskform: error: no manifests found in \(paths[0]), \(paths[1]), \(paths[2])
                  hint: \(Self.noManifestsHint)

                """)
        #expect(!load.isValid)
        #expect(load.files.isEmpty)
    }

    @Test func anEmptyDirectoryBesideManifestsIsAWarningOnly() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let empty = directory.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        try Data("not yaml".utf8).write(to: empty.appendingPathComponent("notes.txt"))
        let manifest = directory.appendingPathComponent("groups.yaml")
        try Data("groups: [{name: IT}]".utf8).write(to: manifest)
        let load = ManifestLoader().load(paths: [empty.path, manifest.path])
        #expect(DiagnosticRenderer().render(load.diagnostics) == "\(empty.path): warning: no *.yaml or *.yml files in this directory\n")
        #expect(load.isValid)
        #expect(load.files == [manifest.path])
    }

    @Test func aMissingPathIsItsOwnErrorNotAlsoNoManifests() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let load = ManifestLoader().load(paths: [directory.path, "/nonexistent/deskform/manifests"])
        #expect(
            DiagnosticRenderer().render(load.diagnostics) == """
                /nonexistent/deskform/manifests: error: no such file or directory
                  hint: give manifest files, or directories that hold them
                \(directory.path): warning: no *.yaml or *.yml files in this directory

                """)
    }

    @Test func extensionsAreRecognisedInAnyCase() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let manager = FileManager.default
        try manager.createDirectory(at: directory.appendingPathComponent("tree"), withIntermediateDirectories: true)
        try Data("groups: [{name: One}]".utf8).write(to: directory.appendingPathComponent("tree/A.YAML"))
        try Data("groups: [{name: Two}]".utf8).write(to: directory.appendingPathComponent("tree/b.Yml"))
        try Data("groups: [{name: Three}]".utf8).write(to: directory.appendingPathComponent("Acme.YML"))
        let load = ManifestLoader().load(paths: [
            directory.appendingPathComponent("tree").path, directory.appendingPathComponent("Acme.YML").path,
        ])
        #expect(load.diagnostics.isEmpty)
        #expect(load.estate.groups.map(\.name) == ["One", "Two", "Three"])
        #expect(ManifestLoader.isManifestPath("Acme.YAML") && ManifestLoader.isManifestPath("x/acme.yMl"))
        #expect(!ManifestLoader.isManifestPath("plan.json") && !ManifestLoader.isManifestPath("yaml"))
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
        #expect(load.estate.groups[2].position == SourceLocation(file: directory.path + "/b/c/z.yml", line: 1, column: 17))
    }

    @Test func aFileGivenByNameThatIsNotYAMLIsSkippedWithAWarning() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let readme = directory.appendingPathComponent("README.md").path
        try Data("# Manifests".utf8).write(to: URL(fileURLWithPath: readme))
        let manifest = directory.appendingPathComponent("groups.yaml").path
        try Data("groups: []".utf8).write(to: URL(fileURLWithPath: manifest))
        let load = ManifestLoader().load(paths: [readme, manifest])
        #expect(DiagnosticRenderer().render(load.diagnostics) == "\(readme): warning: not a *.yaml or *.yml file; skipped\n")
        #expect(load.files == [manifest])
    }

    @Test func problemsInSeveralFilesComeTogetherSortedByFileAndLine() {
        let load = ManifestLoader().load(sources: [
            ManifestSource(path: "b.yaml", text: "groups:\n  - name: X\n    membres: []\n"),
            ManifestSource(path: "a.yaml", text: "companies:\n  - name: A\n    protect: maybe\n  - nme: B\n"),
        ])
        #expect(load.diagnostics.map(\.position.description) == ["a.yaml:3:14", "a.yaml:4:5", "a.yaml:4:5", "b.yaml:3:5"])
        #expect(
            load.diagnostics.map(\.message) == [
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
        #expect(load.estate == DeclaredEstate())
    }
}
