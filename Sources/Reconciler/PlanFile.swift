import EstateModel
import Foundation
import Planner

/// A plan saved by `plan --out FILE`, for `apply FILE`: the exact steps, the target they were planned
/// for, what was read (the scope) and a fingerprint of it, so that a stale plan is refused.
package struct PlanFile: Equatable, Sendable, Codable {
    /// 2: the fingerprint names each object as the plan does. 3: the plan records its targets.
    package static let formatVersion = 4

    package var formatVersion: Int
    /// The instance root URL (never credentials).
    package var target: String
    package var createdAt: String
    package var scope: FetchScope
    package var fingerprint: LiveFingerprint
    /// The plan, with the `policy.max_deletes` that `apply` enforces.
    package var plan: Plan

    package init(
        target: String, createdAt: Date = Date(), scope: FetchScope, fingerprint: LiveFingerprint,
        plan: Plan
    ) {
        self.formatVersion = Self.formatVersion
        self.target = target
        self.createdAt = ISO8601DateFormatter().string(from: createdAt)
        self.scope = scope
        self.fingerprint = fingerprint
        self.plan = plan
    }

    /// The plan made against `live`, read with `scope`, fingerprinted as it was read.
    package init(target: String, scope: FetchScope, live: Estate, plan: Plan) {
        self.init(target: target, scope: scope, fingerprint: LiveFingerprint(of: live, kinds: scope.kinds), plan: plan)
    }

    enum CodingKeys: String, CodingKey {
        case formatVersion = "format_version"
        case target
        case createdAt = "created_at"
        case scope, fingerprint, plan
    }

    /// Writes the plan to `path`, atomically; a failure is one plain sentence.
    package func write(to path: String) throws(PlanFileError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do {
            try encoder.encode(self).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .unwritable(path: path, why: Self.unwritable(path) ?? Self.describe(error))
        }
    }

    /// Refuses a path the plan could not be written to, before anything is read or planned.
    package static func checkWritable(_ path: String) throws(PlanFileError) {
        if let why = unwritable(path) { throw .unwritable(path: path, why: why) }
    }

    /// Why `path` cannot take a file: it is a folder, or its folder is missing, not a folder, or refuses
    /// a new file (tried with an empty one, removed at once). Nil when nothing is in the way.
    static func unwritable(_ path: String) -> String? {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue { return "it is a folder" }
        let parent = (path as NSString).deletingLastPathComponent
        let folder = parent.isEmpty ? "." : parent
        guard manager.fileExists(atPath: folder, isDirectory: &isDirectory) else { return "the folder \(folder) does not exist" }
        guard isDirectory.boolValue else { return "\(folder) is not a folder" }
        // The atomic write creates a file beside `path` and renames it: the folder must take a new file.
        let probe = (folder as NSString).appendingPathComponent(".deskform-write-check-\(UUID().uuidString)")
        let descriptor = open(probe, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { return "the folder \(folder) refuses new files (\(String(cString: strerror(errno)).lowercased()))" }
        close(descriptor)
        unlink(probe)
        return nil
    }

    /// The system's reason for a failed write, as a phrase ("no space left on device").
    static func describe(_ error: any Error) -> String {
        let error = error as NSError
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? any Error {
            let posix = underlying as NSError
            if posix.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(posix.code))).lowercased() }
        }
        return "the system refused it (error \(error.code))"
    }

    package static func read(from path: String) throws(PlanFileError) -> PlanFile {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(path: path, why: "it cannot be read (\(Self.describe(error)))")
        }
        // The version first: a plan file of another version is named as such, not as something else.
        guard let version = try? JSONDecoder().decode(Version.self, from: data) else {
            throw .unreadable(path: path, why: "it is not a deskform plan file")
        }
        guard version.formatVersion == formatVersion else {
            throw .otherFormat(path: path, version: version.formatVersion)
        }
        do {
            return try JSONDecoder().decode(PlanFile.self, from: data)
        } catch {
            throw .unreadable(path: path, why: "it is not a deskform plan file")
        }
    }

    /// The `format_version` of a plan file, read before the rest.
    struct Version: Decodable {
        var formatVersion: Int

        enum CodingKeys: String, CodingKey {
            case formatVersion = "format_version"
        }
    }
}

/// Why a plan file cannot be applied.
package enum PlanFileError: Error, Equatable, Sendable, CustomStringConvertible {
    case unreadable(path: String, why: String)
    /// Written by a deskform whose plan file format is `version`, not ``PlanFile/formatVersion``.
    case otherFormat(path: String, version: Int)
    /// Planned for another instance.
    case otherTarget(planned: String, current: String)
    /// The instance changed since the plan was made.
    case stale([LiveFingerprint.Difference])
    /// `plan --out FILE` cannot write FILE.
    case unwritable(path: String, why: String)

    /// Which deskform wrote a plan file of another format, in words.
    package var writtenBy: String {
        guard case .otherFormat(_, let version) = self else { return "" }
        let which = version < PlanFile.formatVersion ? "an earlier" : "a later"
        return "it was written by \(which) deskform (plan file format \(version); this one reads \(PlanFile.formatVersion))"
    }

    package var description: String {
        switch self {
        case .unreadable(let path, let why): "\(path) cannot be applied: \(why)."
        case .otherFormat(let path, _): "\(path) cannot be applied: \(writtenBy): make the plan again with this deskform (`deskform plan --out`) and apply that."
        case .otherTarget(let planned, let current): "the plan was made for \(planned), not \(current)."
        case .stale(let changes):
            "stale plan: the instance changed since the plan was made (\(changes.prefix(5).map(\.description).joined(separator: ", "))"
                + (changes.count > 5 ? ", and \(changes.count - 5) more" : "") + "). Run plan again."
        case .unwritable(let path, let why): "cannot write the plan to \(path): \(why)"
        }
    }
}
