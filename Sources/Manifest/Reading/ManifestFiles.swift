import Foundation

/// Finds manifest files under the paths given on the command line.
enum ManifestFiles {
    static let extensions: Set<String> = ["yaml", "yml"]

    /// Files in a stable order: each path in turn, a directory's files sorted by path. A file reached twice
    /// (`validate examples examples/acme`) is read once. Paths that all exist but hold no manifest are
    /// one error, for the run as a whole.
    static func find(paths: [String]) -> (files: [String], diagnostics: [Diagnostic]) {
        var files: [String] = []
        var seen: Set<String> = []
        var diagnostics: [Diagnostic] = []
        let fileManager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                diagnostics.append(
                    .error(
                        at: SourceLocation(file: path), "no such file or directory",
                        hint: "give manifest files, or directories that hold them"))
                continue
            }
            if !isDirectory.boolValue, URL(fileURLWithPath: path).lastPathComponent == Project.fileName {
                diagnostics.append(
                    .warning(
                        at: SourceLocation(file: path), "this is the project file, not a manifest; skipped",
                        hint: "give the folders that hold the manifests, or choose an environment with --env"))
                continue
            }
            if !isDirectory.boolValue, !ManifestLoader.isManifestPath(path) {
                diagnostics.append(.warning(at: SourceLocation(file: path), "not a *.yaml or *.yml file; skipped"))
                continue
            }
            let found = isDirectory.boolValue ? directoryFiles(path) : [path]
            if isDirectory.boolValue && found.isEmpty {
                diagnostics.append(.warning(at: SourceLocation(file: path), "no *.yaml or *.yml files in this directory"))
            }
            for file in found where seen.insert(URL(fileURLWithPath: file).standardizedFileURL.path).inserted {
                files.append(file)
            }
        }
        if files.isEmpty, !diagnostics.containsErrors {
            diagnostics = [
                .error(
                    at: .deskform, "no manifests found in \(paths.joined(separator: ", "))",
                    hint: "deskform reads *.yaml and *.yml files (in any case), searching directories recursively and skipping hidden ones")
            ]
        }
        return (files, diagnostics)
    }

    /// The manifest files under `directory`, recursively, sorted; hidden files and folders skipped.
    static func directoryFiles(_ directory: String) -> [String] {
        let root = URL(fileURLWithPath: directory)
        guard
            let enumerator = FileManager.default.enumerator(
                at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]
            )
        else { return [] }
        var relatives: [String] = []
        let rootPath = root.standardizedFileURL.path
        for case let url as URL in enumerator
        where ManifestLoader.isManifestPath(url.path) && url.lastPathComponent != Project.fileName {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            var relative = url.standardizedFileURL.path
            if relative.hasPrefix(rootPath + "/") { relative.removeFirst(rootPath.count + 1) }
            relatives.append(relative)
        }
        let prefix: String
        if directory == "." || directory == "./" {
            prefix = ""
        } else {
            prefix = directory.hasSuffix("/") ? directory : directory + "/"
        }
        return relatives.sorted().map { prefix + $0 }
    }
}
