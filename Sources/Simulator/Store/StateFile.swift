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
            return try JSONDecoder().decode(Estate.self, from: data)
        } catch {
            throw StateFileError(
                path: path,
                reason:
                    "is not a saved estate (\(Self.describe(error))); move it aside to start again from the seed (this loses the local instance's data)"
            )
        }
    }

    /// What is wrong with the file, in a few words rather than a decoder's dump.
    static func describe(_ error: any Error) -> String {
        func at(_ path: [any CodingKey]) -> String {
            path.isEmpty
                ? "the top" : path.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined().trimmingPrefix(".").description
        }
        switch error as? DecodingError {
        case .dataCorrupted(let context) where context.codingPath.isEmpty: return "it is not JSON"
        case .dataCorrupted(let context): return "a malformed value at \(at(context.codingPath))"
        case .keyNotFound(let key, let context): return "\(key.stringValue) is missing at \(at(context.codingPath))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context): return "a value of the wrong type at \(at(context.codingPath))"
        default: return "it cannot be decoded"
        }
    }

    package func save(_ estate: Estate) throws(StateFileError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        let data: Data
        do {
            data = try encoder.encode(estate)
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
