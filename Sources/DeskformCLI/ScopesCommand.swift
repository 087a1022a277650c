import ArgumentParser
import Foundation
import Manifest
import Reconciler

/// `deskform scopes [PATHS…] [--write]`: the OAuth2 scopes to grant deskform's OAuth client in InvGate.
package struct ScopesCommand: AsyncParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "scopes",
        abstract: "Print the OAuth2 scopes to grant deskform's OAuth client in InvGate.",
        discussion: """
            One scope a line (api.v1.<endpoint>:<method>): the read scopes plan, export and doctor need for the \
            manifests' kinds (every kind without PATHS); with --write, also every write scope apply and undo may \
            need for them. deskform asks its token for only the scopes a command needs; INVGATE_SCOPES \
            (space-separated) asks for exactly the scopes it names instead.
            """
    )

    @Argument(help: "Manifest files or directories: only the scopes their kinds need (default: every kind).")
    package var paths: [String] = []

    @Flag(help: "Include the write scopes that apply and undo need.")
    package var write = false

    package init() {}

    package func run() async throws {
        let code = Self.scopes(paths: paths, write: write, console: .standard())
        if code != 0 { throw ExitCode(code) }
    }

    /// Prints the scopes on standard output; the manifests' errors, if any, on standard error (exit 1).
    package static func scopes(paths: [String], write: Bool, console: Console) -> Int32 {
        console.run {
            var scope = FetchScope.everything
            if !paths.isEmpty {
                let load = ManifestLoader().load(paths: paths)
                guard load.isValid else { throw FileProblems(load.diagnostics, "no scope was listed") }
                scope = FetchScope(manifest: load.estate)
            }
            console.out(OAuthScopes.needed(for: scope, write: write).map { "\($0)\n" }.joined())
        }
    }
}
