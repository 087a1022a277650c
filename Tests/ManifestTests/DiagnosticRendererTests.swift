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

    @Test func colourIsRefusedWithNoColourOrADumbTerminalOrAPipe() {
        #expect(!DiagnosticRenderer.wantsColour(fileDescriptor: 1, environment: ["NO_COLOR": "1"]))
        #expect(!DiagnosticRenderer.wantsColour(fileDescriptor: 1, environment: ["TERM": "dumb"]))
        // The test runner's standard input is not a terminal here.
        #expect(!DiagnosticRenderer.wantsColour(fileDescriptor: 0, environment: [:]) || isTerminalInput())
    }

    func isTerminalInput() -> Bool {
        DiagnosticRenderer.wantsColour(fileDescriptor: 0, environment: [:])
    }

    @Test func jsonReportCarriesEveryFieldAndTheCounts() {
        let json = DiagnosticReport(diagnostics: diagnostics, files: 2).json()
        #expect(json.contains("\"format_version\" : 1"))
        #expect(json.contains("\"valid\" : false"))
        #expect(json.contains("\"hint\" : \"a hint\""))
        #expect(json.range(of: "\"first\"")!.lowerBound < json.range(of: "\"second\"")!.lowerBound)
    }
}
