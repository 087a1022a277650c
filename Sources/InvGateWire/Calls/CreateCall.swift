/// A call that makes a new object (a company, group, location, KB category or tree option): sent
/// twice, it may make two. A client repeats it only when it surely did not happen; when its answer
/// is lost it fails with ``InvGateError/Reason/outcomeUnknown(_:)``, and whoever sent it looks the
/// object up before trying again. Only ``WireCall/delivery`` makes one, from the catalogue.
package struct CreateCall: Equatable, Hashable, Sendable {
    package let call: WireCall

    init(_ call: WireCall) {
        self.call = call
    }
}
