/// Named parameters of one request, in the order they are sent.
package struct FormParameters: Equatable, Hashable, Sendable, ExpressibleByDictionaryLiteral {
    package var entries: [(name: String, value: FormValue)] {
        zip(names, values).map { ($0, $1) }
    }
    private var names: [String] = []
    private var values: [FormValue] = []

    package init() {}

    package init(dictionaryLiteral elements: (String, FormValue)...) {
        for (name, value) in elements { self[name] = value }
    }

    package subscript(name: String) -> FormValue? {
        get { names.firstIndex(of: name).map { values[$0] } }
        set {
            if let index = names.firstIndex(of: name) {
                if let newValue {
                    values[index] = newValue
                } else {
                    names.remove(at: index)
                    values.remove(at: index)
                }
            } else if let newValue {
                names.append(name)
                values.append(newValue)
            }
        }
    }

    package var isEmpty: Bool { names.isEmpty }
}
