import Foundation
import Yams

/// One manifest file: its bytes decoded as UTF-8, composed as YAML, read as format v1.
enum ManifestFile {
    /// Reads `source`; with `variables`, `${var.NAME}` and `${env.NAME}` in its values are replaced first.
    static func read(_ source: ManifestSource, variables: ManifestVariables? = nil) -> (FileContribution, [Diagnostic]) {
        var contribution = FileContribution()
        let file = source.path
        guard let text = decodeUTF8(source.data, file: file) else {
            return (contribution, [notUTF8(source.data, file: file)])
        }
        let composed = YAMLText.compose(text, file: file)
        var reader = ManifestReader(file: file, repeatedKeys: composed.repeatedKeys)
        var substitution: [Diagnostic] = []
        for root in composed.documents {
            if variables == nil { substitution += ManifestVariables.unreplaced(in: root, file: file) }
            let resolved = variables.map { $0.substitute(in: root, file: file, diagnostics: &substitution) } ?? root
            reader.read(document: resolved, into: &contribution)
        }
        return (contribution, composed.diagnostics + substitution + reader.diagnostics)
    }

    static func decodeUTF8(_ data: Data, file: String) -> String? {
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) { return nil }
        return String(validating: data, as: UTF8.self)
    }

    /// Where the first byte that is not UTF-8 is, and what it is.
    static func notUTF8(_ data: Data, file: String) -> Diagnostic {
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            return .error(
                at: SourceLocation(file: file, line: 1, column: 1), "file is UTF-16, not UTF-8",
                hint: "save it as UTF-8")
        }
        var parser = Unicode.UTF8.ForwardParser()
        var bytes = data.makeIterator()
        var offset = 0
        var line = 1
        var column = 1
        while true {
            switch parser.parseScalar(from: &bytes) {
            case .valid(let encoded):
                offset += encoded.count
                if encoded.count == 1, encoded.first == 0x0A {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .error:
                let byte = String(data[data.startIndex + offset], radix: 16, uppercase: true)
                return .error(
                    at: SourceLocation(file: file, line: line, column: column),
                    "file is not valid UTF-8 (byte 0x\(byte.count == 1 ? "0" + byte : byte))",
                    hint: "save it as UTF-8 (it looks like another encoding, such as Latin-1)")
            case .emptyInput:
                return .error(at: SourceLocation(file: file, line: 1, column: 1), "file is not valid UTF-8")
            }
        }
    }
}
