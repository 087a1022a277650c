/// Everything wrong with a seed file, each problem at its line and column when known.
package struct SeedError: Error, Equatable, Sendable, CustomStringConvertible {
    package var file: String
    package var problems: [Problem]

    package struct Problem: Equatable, Sendable {
        package var line: Int?
        package var column: Int?
        package var message: String

        package init(line: Int? = nil, column: Int? = nil, message: String) {
            self.line = line
            self.column = column
            self.message = message
        }
    }

    package init(file: String, problems: [Problem]) {
        self.file = file
        self.problems = problems
    }

    /// `file:line:column: error: message`, one line per problem.
    package var description: String {
        problems.map { problem in
            let place = [problem.line, problem.column].compactMap { $0.map(String.init) }.joined(separator: ":")
            return "\(file)\(place.isEmpty ? "" : ":" + place): error: \(problem.message)"
        }.joined(separator: "\n")
    }
}
