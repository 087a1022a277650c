import Foundation
import Manifest

/// A bad manifest (a file, or a directory of files) under `Fixtures/bad/`, with the diagnostics it must
/// produce written in it:
///
///     companies:
///       - name: Acme
///         ⟨1⟩membres: [alice]
///     #⟨1⟩ error: unknown key 'membres' in a company
///     #⟨1⟩ hint: did you mean 'members'?
///
/// `⟨n⟩` in the text marks a position (it is removed before loading: the position is where the next
/// character lands); a comment line `#⟨n⟩ error: …` / `#⟨n⟩ warning: …` expects a diagnostic there, and a
/// following `#⟨n⟩ hint: …` its hint. Markers are unique across the files of a fixture; a marker inside an
/// expected message or hint stands for that position ("first declared at ⟨1⟩").
struct Fixture: CustomStringConvertible, Sendable {
    let name: String
    let sources: [ManifestSource]
    /// The exact rendered diagnostics expected, sorted as the renderer sorts them.
    let expected: String

    var description: String { name }

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// Every fixture under `Fixtures/bad/`, by name.
    static func all() -> [Fixture] {
        let bad = directory.appendingPathComponent("bad")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: bad.path)) ?? []
        return names.sorted().map { load($0, from: bad) }
    }

    static func load(_ name: String, from root: URL) -> Fixture {
        let url = root.appendingPathComponent(name)
        var files: [(path: String, text: String)] = []
        var isDirectory: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
        if isDirectory.boolValue {
            let inner = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            for file in inner.sorted() {
                files.append((name + "/" + file, (try? String(contentsOf: url.appendingPathComponent(file), encoding: .utf8)) ?? ""))
            }
        } else {
            files.append((name, (try? String(contentsOf: url, encoding: .utf8)) ?? ""))
        }
        var marks: [String: SourceLocation] = [:]
        var expectations: [(marker: String, severity: Diagnostic.Severity, message: String, hint: String?)] = []
        var sources: [ManifestSource] = []
        for (path, text) in files {
            var stripped: [String] = []
            // Lines split on scalars so that a "\r\n" file keeps its "\r"s (one Character with the "\n").
            let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map {
                Substring(String(String.UnicodeScalarView($0)))
            }
            for (index, line) in lines.enumerated() {
                if line.hasPrefix("#⟨"), let close = line.firstIndex(of: "⟩") {
                    let marker = String(line[line.index(after: line.startIndex)...close])
                    let rest = line[line.index(after: close)...].trimmingCharacters(in: .whitespacesAndNewlines)
                    if rest.hasPrefix("hint: "), let last = expectations.indices.last, expectations[last].marker == marker {
                        expectations[last].hint = String(rest.dropFirst("hint: ".count))
                    } else if rest.hasPrefix("error: ") {
                        expectations.append((marker, .error, String(rest.dropFirst("error: ".count)), nil))
                    } else if rest.hasPrefix("warning: ") {
                        expectations.append((marker, .warning, String(rest.dropFirst("warning: ".count)), nil))
                    }
                    stripped.append(String(line))
                    continue
                }
                var scalars = String.UnicodeScalarView()
                var rest = Substring(line)
                while let open = rest.firstIndex(of: "⟨"), let close = rest[open...].firstIndex(of: "⟩") {
                    scalars.append(contentsOf: rest[..<open].unicodeScalars)
                    marks[String(rest[open...close])] = SourceLocation(file: path, line: index + 1, column: scalars.count + 1)
                    rest = rest[rest.index(after: close)...]
                }
                scalars.append(contentsOf: rest.unicodeScalars)
                stripped.append(String(scalars))
            }
            sources.append(ManifestSource(path: path, text: stripped.joined(separator: "\n")))
        }
        let expected = expectations.map { expectation in
            let location = marks[expectation.marker] ?? SourceLocation(file: "missing marker \(expectation.marker)")
            return Diagnostic(
                expectation.severity, at: location,
                substitute(marks, in: expectation.message, from: location),
                hint: expectation.hint.map { substitute(marks, in: $0, from: location) })
        }
        return Fixture(name: name, sources: sources, expected: DiagnosticRenderer().render(expected))
    }

    /// A marker inside an expected message or hint stands for that place as the diagnostic names it:
    /// `line 3, column 5` in the same file, `path:3:5` in another.
    static func substitute(_ marks: [String: SourceLocation], in text: String, from location: SourceLocation) -> String {
        var text = text
        for (marker, mark) in marks where text.contains(marker) {
            text = text.replacingOccurrences(of: marker, with: mark.reference(from: location))
        }
        return text
    }
}
