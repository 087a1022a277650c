import DeskformCLI

extension Console {
    /// Runs a command on a recording console: its exit code, and what it wrote on each stream.
    static func run(_ command: (Console) async -> Int32) async -> (code: Int32, recording: Recording) {
        let (console, recording) = Console.recording()
        return (await command(console), recording)
    }
}
