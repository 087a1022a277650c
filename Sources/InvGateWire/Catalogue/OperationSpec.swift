/// One operation of the API: an endpoint, a method and the parameters the reference lists.
package struct OperationSpec: Equatable, Sendable {
    package var endpoint: Endpoint
    package var method: Method
    package var parameters: [ParameterSpec]
    /// Makes a new object (with a new id or hash): sent twice, it may make two. Never repeated
    /// blindly: a lost answer leaves its outcome unknown. Every other operation is idempotent in
    /// effect (the membership, observer, company–group and list-option POSTs included).
    package var isCreate: Bool

    package init(_ endpoint: Endpoint, _ method: Method, _ parameters: [ParameterSpec] = [], isCreate: Bool = false) {
        self.endpoint = endpoint
        self.method = method
        self.parameters = parameters
        self.isCreate = isCreate
    }
}
