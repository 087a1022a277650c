/// A call that, sent twice, does no more than sent once: a read, a PUT or DELETE, a membership,
/// observer, company–group or list-option POST. A client may repeat it when its answer is lost.
/// Only ``WireCall/delivery`` makes one, from the catalogue, so a create can never be one.
package struct IdempotentCall: Equatable, Hashable, Sendable {
    package let call: WireCall

    init(_ call: WireCall) {
        self.call = call
    }
}
