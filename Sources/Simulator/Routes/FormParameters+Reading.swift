import InvGateWire

/// Typed access to parameters already checked by `ReceivedParameters.read(for:)`.
extension FormParameters {
    func int(_ name: String) -> Int? {
        if case .integer(let value)? = self[name] { return value }
        return nil
    }

    /// A parameter the catalogue marks required, so `read(for:)` has checked it is there.
    func requiredInt(_ name: String) throws(Refusal) -> Int {
        guard let value = int(name) else { throw .parameter(.missing(name)) }
        return value
    }

    func string(_ name: String) -> String? {
        if case .string(let value)? = self[name] { return value }
        return nil
    }

    func requiredString(_ name: String) throws(Refusal) -> String {
        guard let value = string(name) else { throw .parameter(.missing(name)) }
        return value
    }

    func bool(_ name: String) -> Bool? {
        if case .boolean(let value)? = self[name] { return value }
        return nil
    }

    func strings(_ name: String) -> [String]? {
        if case .array(let items)? = self[name] { return items }
        return nil
    }

    /// An array of ids; an item that is not an integer is a wrong type (428).
    func ids(_ name: String) throws(Refusal) -> [Int]? {
        guard let items = strings(name) else { return nil }
        var ids: [Int] = []
        for item in items {
            guard let id = Int(item) else { throw .parameter(.wrongType(name, .array)) }
            ids.append(id)
        }
        return ids
    }

    func requiredIDs(_ name: String) throws(Refusal) -> [Int] {
        guard let ids = try ids(name) else { throw .parameter(.missing(name)) }
        return ids
    }

    func dictionary(_ name: String) -> [FormValue.KeyValue]? {
        if case .dictionary(let entries)? = self[name] { return entries }
        return nil
    }
}

extension FormParameters {
    /// A text filter: absent and empty both mean "no filter".
    func nonEmptyString(_ name: String) -> String? {
        string(name).flatMap { $0.isEmpty ? nil : $0 }
    }
}
