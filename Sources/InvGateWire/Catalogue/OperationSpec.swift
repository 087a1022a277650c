/// One operation of the API: an endpoint, a method and the parameters the reference lists.
public struct OperationSpec: Equatable, Sendable {
    public var endpoint: Endpoint
    public var method: Method
    public var parameters: [ParameterSpec]
    /// Makes a new object (with a new id or hash): sent twice, it may make two. Never repeated
    /// blindly: a lost answer leaves its outcome unknown. Every other operation is idempotent in
    /// effect (the membership, observer, company–group and list-option POSTs included).
    public var isCreate: Bool

    public init(_ endpoint: Endpoint, _ method: Method, _ parameters: [ParameterSpec] = [], isCreate: Bool = false) {
        self.endpoint = endpoint
        self.method = method
        self.parameters = parameters
        self.isCreate = isCreate
    }
}
