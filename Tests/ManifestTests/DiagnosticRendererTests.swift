import Foundation
import Manifest
import Testing

@Suite struct DiagnosticRendererTests {
    let diagnostics = [
        Diagnostic.warning(at: SourceLocation(file: "b.yaml", line: 1, column: 1), "later file"),
        Diagnostic.error(at: SourceLocation(file: "a.yaml", line: 10, column: 2), "second", hint: "a hint"),
        Diagnostic.error(at: SourceLocation(file: "a.yaml", line: 2, column: 7), "first"),
    ]

    @Test func plainTextIsSortedByFileAndPositionWithHintsUnderneath() {
        #expect(
            DiagnosticRenderer().render(diagnostics) == """
                a.yaml:2:7: error: first
                a.yaml:10:2: error: second
                  hint: a hint
                b.yaml:1:1: warning: later file

                """)
        #expect(DiagnosticRenderer.summary(of: diagnostics) == "2 errors, 1 warning")
    }

    @Test func colourWrapsTheSeverityAndLocationOnlyWhenAskedFor() {
        let coloured = DiagnosticRenderer(colour: true).render(diagnostics[2])
        #expect(coloured == "\u{1B}[1ma.yaml:2:7:\u{1B}[0m \u{1B}[1;31merror:\u{1B}[0m \u{1B}[1mfirst\u{1B}[0m\n")
        #expect(!DiagnosticRenderer(colour: false).render(diagnostics).contains("\u{1B}"))
    }

    @Test func colourOnATerminalOnlyUnlessNoColourOrADumbTerminal() throws {
        // A pseudo-terminal of the test's own, and a pipe: whatever the runner's streams are.
        let terminal = posix_openpt(O_RDWR | O_NOCTTY)
        try #require(terminal >= 0 && grantpt(terminal) == 0 && unlockpt(terminal) == 0)
        let device = try #require(ptsname(terminal).map { String(cString: $0) })
        let screen = open(device, O_RDWR | O_NOCTTY)
        try #require(screen >= 0)
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        defer { for descriptor in [terminal, screen] + ends { close(descriptor) } }
        #expect(DiagnosticRenderer.wantsColour(fileDescriptor: screen, environment: [:]))
        #expect(DiagnosticRenderer.wantsColour(fileDescriptor: screen, environment: ["NO_COLOR": ""]))
        #expect(!DiagnosticRenderer.wantsColour(fileDescriptor: screen, environment: ["NO_COLOR": "1"]))
        #expect(!DiagnosticRenderer.wantsColour(fileDescriptor: screen, environment: ["TERM": "dumb"]))
        #expect(!DiagnosticRenderer.wantsColour(fileDescriptor: ends[1], environment: [:]))
    }

    @Test func jsonReportCarriesEveryFieldAndTheCounts() {
        let json = DiagnosticReport(diagnostics: diagnostics, files: 2).json()
        #expect(json.contains("\"format_version\" : 1"))
        #expect(json.contains("\"valid\" : false"))
        #expect(json.contains("\"hint\" : \"a hint\""))
        #expect(json.range(of: "\"first\"")!.lowerBound < json.range(of: "\"second\"")!.lowerBound)
    }
}

// The C library's pseudo-terminal calls, which Glibc's module map leaves out (they need _XOPEN_SOURCE).
@_silgen_name("posix_openpt") private func posix_openpt(_ flags: Int32) -> Int32
@_silgen_name("grantpt") private func grantpt(_ descriptor: Int32) -> Int32
@_silgen_name("unlockpt") private func unlockpt(_ descriptor: Int32) -> Int32
@_silgen_name("ptsname") private func ptsname(_ descriptor: Int32) -> UnsafeMutablePointer<CChar>?
