import EstateModel
import Foundation
import Yams

/// Loads seed fixtures (see ``SeedDocument`` for the format) into an ``Estate``.
package enum Seed {
    /// Reads and loads the seed file at `path`.
    package static func load(path: String) throws(SeedError) -> Estate {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw SeedError(file: path, problems: [.init(message: "cannot be read (\(error.localizedDescription))")])
        }
        return try load(yaml: text, file: path)
    }

    /// Loads a seed from YAML text; `file` names it in errors. Every problem is reported at once.
    package static func load(yaml: String, file: String = "<seed>") throws(SeedError) -> Estate {
        let node: Node
        do {
            guard let composed = try Yams.compose(yaml: yaml) else { return Estate() }
            node = composed
        } catch let error as YamlError {
            throw SeedError(file: file, problems: [problem(from: error)])
        } catch {
            throw SeedError(file: file, problems: [.init(message: "\(error)")])
        }

        var locator = SeedLocator(root: node)
        locator.checkKeys()
        if !locator.problems.isEmpty { throw SeedError(file: file, problems: locator.problems) }

        let document: SeedDocument
        do {
            document = try YAMLDecoder().decode(SeedDocument.self, from: node)
        } catch let error as DecodingError {
            throw SeedError(file: file, problems: [locator.problem(from: error)])
        } catch {
            throw SeedError(file: file, problems: [.init(message: "\(error)")])
        }

        var builder = SeedBuilder(locator: locator)
        let estate = builder.build(document)
        if !builder.locator.problems.isEmpty { throw SeedError(file: file, problems: builder.locator.problems) }
        return estate
    }

    private static func problem(from error: YamlError) -> SeedError.Problem {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _):
            let text = [context?.description, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            return .init(line: mark.line, column: mark.column, message: "invalid YAML: \(text)")
        default:
            return .init(message: "invalid YAML: \(error)")
        }
    }
}
