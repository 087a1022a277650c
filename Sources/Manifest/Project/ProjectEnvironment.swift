/// One environment of a project file: an instance (or the embedded one), the paths that declare it,
/// read one over another, and the values its manifests' `${var.NAME}` stand for.
package struct ProjectEnvironment: Hashable, Sendable {
    /// Which variables of the process hold the credentials: their names, never their values.
    package enum Credentials: Hashable, Sendable {
        case basic(username: String, token: String)
        case oauth2(clientID: String, clientSecret: String)
    }

    /// What to do with a reference to a user the instance does not have.
    package enum MissingUsers: String, Hashable, Sendable, CaseIterable {
        /// A planning error, as without a project file.
        case error
        /// Dropped from the plan, with one warning listing them.
        case skip
    }

    package var name: String
    /// Where the environment's name is written in the project file.
    package var position: SourceLocation
    /// The instance root; nil for the embedded local instance, kept in `.deskform/<name>/`.
    package var url: String?
    package var credentials: Credentials?
    /// Manifest files or directories, relative to the project file, each read over the ones before it.
    package var paths: [String]
    package var variables: [String: String]
    package var missingUsers: MissingUsers

    package init(
        name: String, position: SourceLocation = .unknown, url: String? = nil, credentials: Credentials? = nil,
        paths: [String], variables: [String: String] = [:], missingUsers: MissingUsers = .error
    ) {
        self.name = name
        self.position = position
        self.url = url
        self.credentials = credentials
        self.paths = paths
        self.variables = variables
        self.missingUsers = missingUsers
    }

    /// The process environment the instance's credentials are read from: the variables the project
    /// file names, under the `INVGATE_*` names deskform reads (those set directly are dropped, so that
    /// one environment never borrows another's credentials). `INVGATE_TOKEN_URL`, where an OAuth2
    /// token is asked for, is kept.
    package func clientEnvironment(from process: [String: String]) -> [String: String] {
        var environment = process.filter { !$0.key.hasPrefix("INVGATE_") || $0.key == "INVGATE_TOKEN_URL" }
        switch credentials {
        case .basic(let username, let token):
            environment["INVGATE_USERNAME"] = process[username]
            environment["INVGATE_TOKEN"] = process[token]
        case .oauth2(let clientID, let clientSecret):
            environment["INVGATE_CLIENT_ID"] = process[clientID]
            environment["INVGATE_CLIENT_SECRET"] = process[clientSecret]
        case nil:
            break
        }
        return environment
    }

    /// The values of `${var.NAME}` and `${env.NAME}` in this environment's manifests.
    package func manifestVariables(process: [String: String]) -> ManifestVariables {
        ManifestVariables(values: variables, environment: process, environmentName: name)
    }
}
