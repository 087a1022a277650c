/// What `deskform --version` prints: the version, written here and nowhere else, and the commit the
/// binary was built from. A plain `swift build` knows no commit and says so; `scripts/release.sh` writes
/// the commit into `DeskformReleaseCommit.swift` beside this file (ignored by git, removed after the
/// build) and builds with `-Xswiftc -DDESKFORM_RELEASE`.
package enum DeskformVersion {
    /// The version of deskform; release archives and tags are named after it.
    package static let number = "0.1.0"

    #if DESKFORM_RELEASE
        /// The commit a release was built from (`git rev-parse --short=12 HEAD`, `-dirty` if changed).
        package static let commit: String? = deskformReleaseCommit
    #else
        /// The commit a release was built from; a plain `swift build` does not know it.
        package static let commit: String? = nil
    #endif

    /// `0.1.0 (commit 0123456789ab)` for a release, `0.1.0 dev (unknown commit)` otherwise.
    package static var description: String {
        if let commit { "\(number) (commit \(commit))" } else { "\(number) dev (unknown commit)" }
    }
}
