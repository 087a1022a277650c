/// The result of loading manifests: the desired estate (whatever could be read) and every diagnostic,
/// sorted by file and position. The estate is only to be acted on when `isValid`.
package struct ManifestLoad: Sendable {
    package var estate: DeclaredEstate
    package var diagnostics: [Diagnostic]
    /// The files read, in the order they were merged.
    package var files: [String]

    package init(estate: DeclaredEstate, diagnostics: [Diagnostic], files: [String]) {
        self.estate = estate
        self.diagnostics = diagnostics.sorted()
        self.files = files
    }

    /// No errors (warnings allowed).
    package var isValid: Bool { !diagnostics.containsErrors }
}
