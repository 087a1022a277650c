import Foundation

/// The request rates instances accepted, as commands learned them from their 429s and 503s, in
/// `rates.json` of deskform's folder (`.deskform`, or `DESKFORM_DIR`): a command to an instance starts at
/// the rate the last one learned instead of unlimited, so that only the first command to an instance
/// within a day is refused while it finds the rate. Keyed by the instance URL; nothing else of the target
/// (never a credential) is written. An instance on this machine (a simulator, whose port changes from run
/// to run) is not remembered.
///
/// ```json
/// {"format": 1, "instances": {"https://acme.sd.cloud.invgate.net": {"requests_per_second": 88.5, "learned_at": "2026-12-05T11:00:00Z"}}}
/// ```
struct RememberedRates: Sendable {
    /// The file.
    let path: String

    /// How long a learned rate is trusted: a limit raised since is found again by probing, slowly, so a
    /// rate this old is forgotten rather than kept as a ceiling to climb from.
    static let lifetime: TimeInterval = 24 * 60 * 60
    static let format = 1

    /// The file in deskform's folder of `environment`.
    init(environment: [String: String]) {
        path = (environment["DESKFORM_DIR"] ?? ".deskform") + "/rates.json"
    }

    struct Entry: Equatable, Codable {
        var requestsPerSecond: Double
        var learnedAt: Date

        enum CodingKeys: String, CodingKey {
            case requestsPerSecond = "requests_per_second"
            case learnedAt = "learned_at"
        }
    }

    private struct File: Codable {
        var format: Int
        var instances: [String: Entry]
    }

    /// What a rate is remembered by: the URL without a trailing `/`; nil for a URL on this machine.
    static func key(for url: String) -> String? {
        guard let host = URLComponents(string: url)?.host?.lowercased(), !host.isEmpty,
            host != "localhost", host != "::1", host != "[::1]", !host.hasPrefix("127.")
        else { return nil }
        return url.hasSuffix("/") ? String(url.dropLast()) : url
    }

    /// The rate learned for `url` within the ``lifetime`` before `now`; nil when there is none, or the file
    /// cannot be read (it is written anew by the next command that learns a rate).
    func rate(for url: String, now: Date = Date()) -> Double? {
        guard let key = Self.key(for: url), let entry = read()?[key], now.timeIntervalSince(entry.learnedAt) < Self.lifetime,
            entry.requestsPerSecond > 0, entry.requestsPerSecond.isFinite
        else { return nil }
        return entry.requestsPerSecond
    }

    /// Records `rate` for `url`, keeping the other instances' rates that are still within their lifetime.
    /// Written whole to a file beside it and moved into place, so that a reader never sees half of it.
    func remember(_ rate: Double, for url: String, now: Date = Date()) throws(RatesFileError) {
        guard let key = Self.key(for: url) else { return }
        var instances = (read() ?? [:]).filter { now.timeIntervalSince($0.value.learnedAt) < Self.lifetime }
        instances[key] = Entry(requestsPerSecond: (rate * 10).rounded() / 10, learnedAt: now)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let folder = (path as NSString).deletingLastPathComponent
        let draft = path + ".\(ProcessInfo.processInfo.processIdentifier).tmp"
        do {
            if (folder as NSString).lastPathComponent == ".deskform" {
                try? Target.prepare(folder)
            }
            try Target.makeFolder(folder)
            try encoder.encode(File(format: Self.format, instances: instances)).write(to: URL(fileURLWithPath: draft))
            guard rename(draft, path) == 0 else { throw Target.Errno(code: errno) }
        } catch let error as Target.Errno {
            try? FileManager.default.removeItem(atPath: draft)
            throw RatesFileError(path: path, reason: error.words)
        } catch {
            try? FileManager.default.removeItem(atPath: draft)
            throw RatesFileError(path: path, reason: (error as NSError).localizedDescription.lowercased())
        }
    }

    private func read() -> [String: Entry]? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        guard let file = try? decoder.decode(File.self, from: data), file.format == Self.format else { return nil }
        return file.instances
    }
}

/// The learned rate could not be written: the next command to the instance starts unlimited again.
struct RatesFileError: Error, CustomStringConvertible {
    let path: String
    let reason: String

    var description: String {
        "could not remember the learned request rate in \(path) (\(reason)); the next command to this instance starts unlimited again. "
            + "To keep it, make that folder writable or set DESKFORM_DIR to one that is"
    }
}
