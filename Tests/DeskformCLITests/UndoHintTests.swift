@testable import DeskformCLI
import Testing

/// What undo says when the journal names another target than the one it reaches.
@Suite("undo's hint for another target")
struct UndoHintTests {
    @Test("a journal of the embedded local instance names its folder and DESKFORM_DIR; one of a URL names --url")
    func hint() {
        #expect(
            UndoCommand.hint(forTarget: "local instance (ci/.deskform/local-instance.json)")
                == "that apply used the embedded local instance in ci/.deskform: run undo from the folder it ran in, "
                + "or set DESKFORM_DIR=ci/.deskform, without --url or INVGATE_URL.")
        #expect(
            UndoCommand.hint(forTarget: "https://acme.example")
                == "undo it against the instance it was applied to (--url or INVGATE_URL).")
    }
}
