import InvGateWire

/// What the typed reads share: a GET, and the list of records it answers.
extension InvGateClient {
    /// A GET of `endpoint`, its JSON answer as it comes (also `deskform doctor`'s probes of read access).
    package func get(_ endpoint: Endpoint, _ parameters: FormParameters = [:]) async throws(InvGateError) -> JSONValue {
        try await send(WireCall(endpoint, .get, parameters))
    }

    func list<Record>(
        _ endpoint: Endpoint, _ parameters: FormParameters = [:], decoding element: (JSONValue) throws(RecordDecodingError) -> Record
    ) async throws(InvGateError) -> [Record] {
        let json = try await get(endpoint, parameters)
        do {
            return try Array.decode(json, record: endpoint.rawValue, element)
        } catch {
            throw InvGateError(endpoint, .get, .malformedAnswer(error.description))
        }
    }
}
