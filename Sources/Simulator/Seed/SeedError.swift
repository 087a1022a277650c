/// Everything wrong with a seed file, each problem at its line and column when known.
public struct SeedError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var problems: [Problem]

    public struct Problem: Equatable, Sendable {
        public var line: Int?
        public var column: Int?
        public var message: String

        public init(line: Int? = nil, column: Int? = nil, message: String) {
            self.line = line
            self.column = column
            self.message = message
        }
    }

    public init(file: String, problems: [Problem]) {
        self.file = file
        self.problems = problems
    }

    /// `file:line:column: error: message`, one line per problem.
    public var description: String {
        problems.map { problem in
            let place = [problem.line, problem.column].compactMap { $0.map(String.init) }.joined(separator: ":")
            return "\(file)\(place.isEmpty ? "" : ":" + place): error: \(problem.message)"
        }.joined(separator: "\n")
    }
}
