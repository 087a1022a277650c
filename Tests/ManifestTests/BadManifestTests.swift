import Foundation
import Manifest
import Testing

/// Every fixture under `Fixtures/bad/` produces exactly the diagnostics written in it: each message,
/// hint and position, and nothing else.
@Suite struct BadManifestTests {
    @Test func theCorpusIsLargeEnough() {
        #expect(Fixture.all().count >= 30)
    }

    @Test(arguments: Fixture.all())
    func reportsExactlyTheExpectedDiagnostics(_ fixture: Fixture) {
        #expect(!fixture.expected.isEmpty, "fixture \(fixture.name) expects nothing")
        let load = ManifestLoader().load(sources: fixture.sources)
        #expect(DiagnosticRenderer().render(load.diagnostics) == fixture.expected)
        #expect(load.isValid == !fixture.expected.contains(": error: "))
    }
}
