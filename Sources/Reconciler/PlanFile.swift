import Foundation
import Planner

/// A plan saved by `plan --out FILE`, for `apply FILE`: the exact steps, the target they were planned
/// for, what was read (the scope) and a fingerprint of it, so that a stale plan is refused.
public struct PlanFile: Equatable, Sendable, Codable {
    public static let formatVersion = 2

    public var formatVersion: Int
    /// The instance root URL (never credentials).
    public var target: String
    public var createdAt: String
    /// A digest of the manifest files the plan was made from.
    public var manifestsDigest: String
    public var scope: FetchScope
    public var fingerprint: LiveFingerprint
    /// The plan, with the `policy.max_deletes` that `apply` enforces.
    public var plan: Plan

    public init(
        target: String, createdAt: Date = Date(), manifestsDigest: String, scope: FetchScope, fingerprint: LiveFingerprint,
        plan: Plan
    ) {
        self.formatVersion = Self.formatVersion
        self.target = target
        self.createdAt = ISO8601DateFormatter().string(from: createdAt)
        self.manifestsDigest = manifestsDigest
        self.scope = scope
        self.fingerprint = fingerprint
        self.plan = plan
    }

    enum CodingKeys: String, CodingKey {
        case formatVersion = "format_version", target, createdAt = "created_at", manifestsDigest = "manifests_digest"
        case scope, fingerprint, plan
    }

    public func write(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(self).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    public static func read(from path: String) throws(PlanFileError) -> PlanFile {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(path: path, why: "it cannot be read")
        }
        let file: PlanFile
        do {
            file = try JSONDecoder().decode(PlanFile.self, from: data)
        } catch {
            throw .unreadable(path: path, why: "it is not a deskform plan file")
        }
        guard file.formatVersion == formatVersion else {
            throw .unreadable(path: path, why: "it has format version \(file.formatVersion); this deskform reads \(formatVersion)")
        }
        return file
    }

    /// A digest of the manifest files, in the order given.
    public static func digest(ofFiles paths: [String]) -> String {
        var text = ""
        for path in paths {
            text += path + "\n"
            text += (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            text += "\n"
        }
        return LiveFingerprint.digest(text)
    }
}

/// Why a plan file cannot be applied.
public enum PlanFileError: Error, Equatable, Sendable, CustomStringConvertible {
    case unreadable(path: String, why: String)
    /// Planned for another instance.
    case otherTarget(planned: String, current: String)
    /// The instance changed since the plan was made.
    case stale([String])

    public var description: String {
        switch self {
        case .unreadable(let path, let why): "\(path) cannot be applied: \(why)."
        case .otherTarget(let planned, let current): "the plan was made for \(planned), not \(current)."
        case .stale(let changes):
            "stale plan: the instance changed since the plan was made (\(changes.prefix(5).joined(separator: ", "))"
                + (changes.count > 5 ? ", and \(changes.count - 5) more" : "") + "). Run plan again."
        }
    }
}
