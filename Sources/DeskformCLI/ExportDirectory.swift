import Foundation
import Manifest
import Reconciler

/// The directory `export` writes into. It must be new or empty unless `force`; with `force`, files are
/// overwritten and manifests a previous export wrote there that this one no longer writes (a renamed
/// company's folder) are removed. Other files are never touched.
struct ExportDirectory {
    let path: String

    /// What marks a manifest as written by `export`.
    static let marker = "# Exported by deskform from "

    enum Failure: CommandFailure {
        case notEmpty(String)
        case notADirectory(String)
        case cannotWrite(String, String)

        var diagnostics: [Diagnostic] {
            switch self {
            case .notEmpty(let path):
                [
                    .error(
                        at: .deskform, "\(path) is not empty; export writes only into a new or empty directory",
                        hint: "choose another --out, or pass --force to overwrite (manifests of an earlier export there are replaced)")
                ]
            case .notADirectory(let path):
                [.error(at: .deskform, "\(path) exists and is not a directory", hint: "choose another --out: a new or empty directory")]
            case .cannotWrite(let path, let why):
                [.error(at: .deskform, "cannot write \(path): \(why)", hint: "choose an --out this user may write into, then export again")]
            }
        }
    }

    /// Checks the directory before anything is read from the instance.
    func check(force: Bool) throws(Failure) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else { throw .notADirectory(path) }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        if !entries.isEmpty && !force { throw .notEmpty(path) }
    }

    /// Writes every file (and the schema, when given), then removes stale exported manifests.
    /// Returns the paths removed, relative to the directory.
    func write(_ exported: ExportedFiles, extra: [ExportedFiles.File]) throws(Failure) -> [String] {
        let root = URL(fileURLWithPath: path)
        let written = exported.files + extra
        for file in written {
            let url = root.appendingPathComponent(file.path)
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.text.utf8).write(to: url, options: .atomic)
            } catch {
                throw .cannotWrite(url.path, error.localizedDescription)
            }
        }
        let keep = Set(written.map(\.path))
        var removed: [String] = []
        for relative in manifests(under: root) where !keep.contains(relative) {
            let url = root.appendingPathComponent(relative)
            guard let text = try? String(contentsOf: url, encoding: .utf8),
                text.split(separator: "\n", maxSplits: 3).prefix(3).contains(where: { $0.hasPrefix(Self.marker) })
            else { continue }
            if (try? FileManager.default.removeItem(at: url)) != nil { removed.append(relative) }
        }
        for relative in removed {
            // Folders a removed manifest leaves empty go too (companies/<slug>/).
            var folder = url(root, relative).deletingLastPathComponent()
            while folder.path.count > root.path.count,
                (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.isEmpty == true
            {
                try? FileManager.default.removeItem(at: folder)
                folder = folder.deletingLastPathComponent()
            }
        }
        return removed.sorted()
    }

    private func url(_ root: URL, _ relative: String) -> URL { root.appendingPathComponent(relative) }

    /// `*.yaml` / `*.yml` files below `root`, relative, hidden entries skipped.
    private func manifests(under root: URL) -> [String] {
        guard
            let enumerator = FileManager.default.enumerator(
                at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { return [] }
        var found: [String] = []
        let prefix = root.standardizedFileURL.path + "/"
        for case let url as URL in enumerator where ["yaml", "yml"].contains(url.pathExtension) {
            let full = url.standardizedFileURL.path
            if full.hasPrefix(prefix) { found.append(String(full.dropFirst(prefix.count))) }
        }
        return found.sorted()
    }
}
