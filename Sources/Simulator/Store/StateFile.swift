import EstateModel
import Foundation

/// A JSON file holding an estate. Saves are atomic: the estate is written to a temporary file
/// beside it, then renamed over it, so a crash never leaves half a file.
package struct StateFile: Equatable, Sendable {
    package var path: String

    package init(path: String) {
        self.path = path
    }

    package var exists: Bool { FileManager.default.fileExists(atPath: path) }

    package func load() throws(StateFileError) -> Estate {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw StateFileError(path: path, reason: "cannot be read (\(error.localizedDescription))")
        }
        do {
            // Release 0.1 wrote the estate alone, without a version (format 1).
            let head = try FileCoding.decoder().decode(Head.self, from: data)
            switch head.formatVersion {
            case nil: return try FileCoding.release01Decoder().decode(Estate.self, from: data)
            case Self.formatVersion: return try FileCoding.decoder().decode(Document.self, from: data).estate
            case let version?:
                throw StateFileError(
                    path: path,
                    reason: "was written by another deskform (state file format \(version); this one reads 1 to \(Self.formatVersion)); use that deskform, or move the file aside to start again from the seed")
            }
        } catch let error as StateFileError {
            throw error
        } catch {
            throw StateFileError(
                path: path,
                reason:
                    "is not a saved estate (\(FileCoding.describe(error))); move it aside to start again from the seed (this loses the local instance's data)"
            )
        }
    }

    /// 2: `{"format_version": 2, "estate": …}`, the estate's keys written by hand (``FileCoding``);
    /// 1 (release 0.1): the estate alone, in the shape the compiler derived from the Swift names.
    package static let formatVersion = 2

    /// The file: its version and the estate.
    struct Document: Codable {
        var estate: Estate

        init(estate: Estate) { self.estate = estate }

        init(from decoder: any Decoder) throws {
            estate = try decoder.container(keyedBy: FileKey.self)("estate")
        }

        func encode(to encoder: any Encoder) throws {
            var fields = encoder.container(keyedBy: FileKey.self)
            try fields.encode(StateFile.formatVersion, forKey: "format_version")
            try fields.encode(estate, forKey: "estate")
        }
    }

    /// The `format_version` of a state file, read before the rest (none in release 0.1's).
    struct Head: Decodable {
        var formatVersion: Int?

        init(from decoder: any Decoder) throws {
            formatVersion = try decoder.container(keyedBy: FileKey.self).optional("format_version")
        }
    }

    package func save(_ estate: Estate) throws(StateFileError) {
        let data: Data
        do {
            data = try FileCoding.encoder(pretty: true).encode(Document(estate: estate))
        } catch {
            throw StateFileError(path: path, reason: "cannot be encoded (\(error))")
        }
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(UInt32.random(in: .min ... .max)).tmp")
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: temporary)
        } catch {
            throw StateFileError(path: path, reason: "cannot be written (\(error.localizedDescription))")
        }
        guard rename(temporary.path, url.path) == 0 else {
            let why = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw StateFileError(path: path, reason: "cannot be replaced (\(why))")
        }
    }
}

/// A state file that cannot be read or written.
package struct StateFileError: Error, Equatable, Sendable, CustomStringConvertible {
    package var path: String
    package var reason: String

    package var description: String { "State file \(path) \(reason)." }
}
