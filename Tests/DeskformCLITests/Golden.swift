import Foundation
import Testing

/// Golden files under `Tests/DeskformCLITests/Goldens`: `DESKFORM_RECORD=1 swift test` writes them anew (and fails).
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// Compares `actual` with the golden file `name`. With `DESKFORM_RECORD` set it writes the file anew
    /// and fails the test, so a recording run never passes for a check (run again without it).
    static func assert(_ actual: String, matches name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["DESKFORM_RECORD"] != nil {
            let old = try? String(contentsOf: file, encoding: .utf8)
            try Data(actual.utf8).write(to: file)
            Issue.record(
                "recorded \(name)\(old == actual ? " (unchanged)" : ""); run again without DESKFORM_RECORD to check it",
                sourceLocation: sourceLocation)
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(
            actual == expected, "\(name) differs; re-record with DESKFORM_RECORD=1 swift test if the change is intended",
            sourceLocation: sourceLocation)
    }

    /// Replaces the simulator's port and the checkout's path, which change from run to run.
    static func normalise(_ text: String, url: String) -> String {
        text.replacingOccurrences(of: url, with: "http://127.0.0.1:PORT").replacingOccurrences(of: root.path + "/", with: "")
    }
}
