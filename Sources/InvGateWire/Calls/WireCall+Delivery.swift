extension WireCall {
    /// How a client may send a call: repeated after a lost answer, or not.
    public enum Delivery: Equatable, Hashable, Sendable {
        case idempotent(IdempotentCall)
        case create(CreateCall)
    }

    /// The call typed by what repeating it would do: a create when the catalogue says so, and,
    /// to be safe, for a POST the catalogue does not list.
    public var delivery: Delivery {
        let isCreate = Catalogue.operation(endpoint, method)?.isCreate ?? (method == .post)
        return isCreate ? .create(CreateCall(self)) : .idempotent(IdempotentCall(self))
    }
}
