/// The answer of a write that reports per related id: `{"3": true, "5": true}` (memberships, group
/// relations) or `[{"id": 3, "value": false}]` (observers, location members); one `{"id": 3, "value":
/// true}` where a real instance answers a write for one user so; a bare `true` or `{"status": "OK"}`
/// reports no id (whoever reads it checks those ids by reading them back).
package struct RelationAnswer: Equatable, Sendable {
    package var results: [Int: Bool]

    package init(_ results: [Int: Bool]) {
        self.results = results
    }

    package init(json: JSONValue) throws(RecordDecodingError) {
        var results: [Int: Bool] = [:]
        if json["id"] != nil, json["value"] != nil {
            guard let id = json["id"]?.int, let flag = json["value"]?.bool else {
                throw RecordDecodingError(record: "relation answer", field: "{id, value}", found: json)
            }
            results[id] = flag
        } else if case .object(let pairs) = json, pairs.allSatisfy({ $0.key == "status" || $0.key == "info" }),
            StatusAnswer(json: json).status?.uppercased() == "OK"
        {
            results = [:]
        } else if case .object(let pairs) = json {
            for (key, value) in pairs {
                guard let id = Int(key), let flag = value.bool else {
                    throw RecordDecodingError(record: "relation answer", field: "id: boolean", found: json)
                }
                results[id] = flag
            }
        } else if let elements = json.elements {
            for element in elements {
                guard let id = element["id"]?.int, let flag = element["value"]?.bool else {
                    throw RecordDecodingError(record: "relation answer", field: "{id, value}", found: element)
                }
                results[id] = flag
            }
        } else if json.bool == true {
            results = [:]
        } else {
            throw RecordDecodingError(record: "relation answer", field: "a map or a list", found: json)
        }
        self.init(results)
    }

    /// `{"3": true, "5": true}`, ids in order.
    package var mapJSON: JSONValue {
        .object(results.keys.sorted().map { (String($0), .bool(results[$0]!)) })
    }

    /// `[{"id": 3, "value": true}]`, ids in order.
    package var listJSON: JSONValue {
        .array(results.keys.sorted().map { .object([("id", .int($0)), ("value", .bool(results[$0]!))]) })
    }
}
