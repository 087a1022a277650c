import EstateModel
import Foundation

/// An append-only record of one execution: a JSON object per line, one per step event, in
/// `<directory>/<timestamp>.jsonl`. Written as the steps happen, so an interrupted apply leaves a
/// record of what was sent (a `started` line with no outcome after it is a step cut short).
package actor Journal {
    /// The file this journal writes.
    package nonisolated let path: String
    private let handle: FileHandle
    private let encoder = FileCoding.encoder(pretty: false)

    /// Creates `directory` when needed and a new file in it named after `date` (UTC), e.g.
    /// `.deskform/journal/20250114T093012.345Z.jsonl`; a numeric suffix keeps names unique.
    package init(directory: String = ".deskform/journal", date: Date = Date()) throws(JournalError) {
        let files = FileManager.default
        do {
            try files.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw JournalError(path: directory, reason: "cannot create the directory: \(error.localizedDescription)")
        }
        let stamp = Self.fileStamp(date)
        var candidate = (directory as NSString).appendingPathComponent("\(stamp).jsonl")
        var suffix = 1
        while files.fileExists(atPath: candidate) {
            suffix += 1
            candidate = (directory as NSString).appendingPathComponent("\(stamp)-\(suffix).jsonl")
        }
        guard files.createFile(atPath: candidate, contents: nil), let handle = FileHandle(forWritingAtPath: candidate) else {
            throw JournalError(path: candidate, reason: "cannot create the file")
        }
        self.path = candidate
        self.handle = handle
    }

    /// Appends one step event.
    package func record(_ entry: JournalEntry) throws(JournalError) {
        try append(entry)
    }

    /// Appends the state read before the apply: its first line, written before any step.
    package func record(_ state: StateBeforeApply) throws(JournalError) {
        try append(state)
    }

    /// Writes `line` as one line of JSON (``FileCoding``).
    private func append(_ line: some Encodable) throws(JournalError) {
        var bytes: Data
        do {
            bytes = try encoder.encode(line)
        } catch {
            throw JournalError(path: path, reason: "cannot encode a line: \(error)")
        }
        bytes.append(UInt8(ascii: "\n"))
        do {
            try handle.seekToEnd()
            try handle.write(contentsOf: bytes)
        } catch {
            throw JournalError(path: path, reason: "cannot write: \(error.localizedDescription)")
        }
    }

    /// Flushes and closes the file; later records fail.
    package func close() {
        try? handle.synchronize()
        try? handle.close()
    }

    static func fileStamp(_ date: Date) -> String {
        let components = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: date)
        let millis = (components.nanosecond ?? 0) / 1_000_000
        return String(
            format: "%04d%02d%02dT%02d%02d%02d.%03dZ", components.year ?? 0, components.month ?? 0, components.day ?? 0,
            components.hour ?? 0, components.minute ?? 0, components.second ?? 0, millis)
    }
}

/// The journal could not be created or written.
package struct JournalError: Error, Equatable, Sendable, CustomStringConvertible {
    package var path: String
    package var reason: String

    package init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    package var description: String { "journal \(path): \(reason)" }
}
