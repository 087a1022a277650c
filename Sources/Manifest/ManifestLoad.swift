/// The result of loading manifests: the desired estate (whatever could be read) and every diagnostic,
/// sorted by file and position. The estate is only to be acted on when `isValid`.
public struct ManifestLoad: Sendable {
    public var estate: DeclaredEstate
    public var diagnostics: [Diagnostic]
    /// The files read, in the order they were merged.
    public var files: [String]

    public init(estate: DeclaredEstate, diagnostics: [Diagnostic], files: [String]) {
        self.estate = estate
        self.diagnostics = diagnostics.sorted()
        self.files = files
    }

    /// No errors (warnings allowed).
    public var isValid: Bool { !diagnostics.containsErrors }
}
