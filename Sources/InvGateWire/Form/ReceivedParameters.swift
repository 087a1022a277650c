/// Parameters as a server receives them: query string and form body pairs, grouped PHP-style
/// into scalars (`name=v`), arrays (`name[]=v` or `name[0]=v`) and dictionaries (`name[k]=v`).
package struct ReceivedParameters: Equatable, Sendable {
    package private(set) var scalars: [String: String] = [:]
    package private(set) var arrays: [String: [String]] = [:]
    package private(set) var dictionaries: [String: [FormValue.KeyValue]] = [:]

    /// Later pairs win for scalars; array and dictionary entries accumulate.
    package init(pairs: [(name: String, value: String)]) {
        for (name, value) in pairs {
            guard let open = name.firstIndex(of: "["), name.hasSuffix("]") else {
                scalars[name] = value
                continue
            }
            let base = String(name[..<open])
            let inner = String(name[name.index(after: open)..<name.index(before: name.endIndex)])
            if inner.isEmpty {
                arrays[base, default: []].append(value)
            } else {
                dictionaries[base, default: []].append(FormValue.KeyValue(inner, value))
            }
        }
    }

    package init(query: String?, body: String?) {
        self.init(pairs: FormEncoding.decodePairs(query ?? "") + FormEncoding.decodePairs(body ?? ""))
    }

    /// Reads the parameters `operation` takes, typed as the reference says. Unknown parameters are ignored.
    package func read(for operation: OperationSpec) throws(ParameterProblem) -> FormParameters {
        var read = FormParameters()
        for parameter in operation.parameters {
            if let value = try value(of: parameter) {
                read[parameter.name] = value
            } else if parameter.isRequired {
                throw .missing(parameter.name)
            }
        }
        return read
    }

    private func value(of parameter: ParameterSpec) throws(ParameterProblem) -> FormValue? {
        let name = parameter.name
        switch parameter.kind {
        case .array:
            if let items = arrays[name] { return .array(items) }
            if let indexed = dictionaries[name] {
                guard indexed.allSatisfy({ Int($0.key) != nil }) else { throw .wrongType(name, .array) }
                return .array(indexed.map(\.value))
            }
            if scalars[name] != nil { throw .wrongType(name, .array) }
            return nil
        case .dictionary:
            if let entries = dictionaries[name] { return .dictionary(entries) }
            if scalars[name] != nil || arrays[name] != nil { throw .wrongType(name, .dictionary) }
            return nil
        case .string, .integer, .boolean:
            if arrays[name] != nil || dictionaries[name] != nil { throw .wrongType(name, parameter.kind) }
            guard let text = scalars[name] else { return nil }
            switch parameter.kind {
            case .string:
                return .string(text)
            case .integer:
                if text.isEmpty { return nil }
                guard let number = Int(text) else { throw .wrongType(name, .integer) }
                return .integer(number)
            default:
                switch text.lowercased() {
                case "1", "true": return .boolean(true)
                case "0", "false", "": return .boolean(false)
                default: throw .wrongType(name, .boolean)
                }
            }
        }
    }
}
