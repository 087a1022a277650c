/// One API call: an endpoint, a method and its parameters, exactly as they are sent. An
/// operation's call (``EstateModel/EstateOperation/wireCall``) is what `plan` prints and `apply` sends.
package struct WireCall: Equatable, Hashable, Sendable {
    package var endpoint: Endpoint
    package var method: Method
    package var parameters: FormParameters

    package init(_ endpoint: Endpoint, _ method: Method, _ parameters: FormParameters) {
        self.endpoint = endpoint
        self.method = method
        self.parameters = parameters
    }
}

extension WireCall {
    /// How a client may send a call: repeated after a lost answer, or not.
    package enum Delivery: Equatable, Hashable, Sendable {
        case idempotent(IdempotentCall)
        case create(CreateCall)
    }

    /// The call typed by what repeating it would do: a create when the catalogue says so, and,
    /// to be safe, for a POST the catalogue does not list.
    package var delivery: Delivery {
        let isCreate = Catalogue.operation(endpoint, method)?.isCreate ?? (method == .post)
        return isCreate ? .create(CreateCall(self)) : .idempotent(IdempotentCall(self))
    }
}
