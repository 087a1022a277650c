/// One API call: an endpoint, a method and its parameters, exactly as they are sent. An
/// operation's call (``Estate/EstateOperation/wireCall``) is what `plan` prints and `apply` sends.
public struct WireCall: Equatable, Hashable, Sendable {
    public var endpoint: Endpoint
    public var method: Method
    public var parameters: FormParameters

    public init(_ endpoint: Endpoint, _ method: Method, _ parameters: FormParameters) {
        self.endpoint = endpoint
        self.method = method
        self.parameters = parameters
    }
}
