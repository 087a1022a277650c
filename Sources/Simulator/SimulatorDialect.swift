import InvGateWire

/// How the simulator words its answers. `reference` answers as the API reference shows; `rough`
/// answers as live instances do, by the public clients' notes and recorded answers: ids, counts and
/// parent ids as strings and booleans as `1`/`0`; id-keyed maps where the reference shows lists; lists
/// in pages (20 rows unless `page_size` says otherwise; KB categories always 20); one object where a
/// list has one element (`helpdesks?id=`, an observer write for one user); tree `children` keyed by
/// hash; refusals as HTTP 200 with `{"status": "ERROR"}` or `{"error": …, "status": 400}`; a missing or
/// mistyped parameter as 428 with a Spanish message. Parameters are read as PHP does in both.
package enum SimulatorDialect: String, CaseIterable, Equatable, Sendable {
    case reference
    case rough

    /// Rows a page when `page_size` is not given.
    static let defaultPageSize = 20

    /// Lists a rough instance answers as maps keyed by id (by uid for custom fields).
    static let keyedLists: [Endpoint: String] = [
        .users: "id", .usersGroups: "id", .groups: "id", .companiesObservers: "id", .groupsObservers: "id",
        .locationsObservers: "id", .helpdesksObservers: "id", .levelsObservers: "id", .customFieldsAll: "uid",
    ]

    /// The answer of a request the reference dialect answers `json`, as this dialect words it.
    func shape(_ json: JSONValue, _ endpoint: Endpoint, _ method: Method, _ received: ReceivedParameters) -> JSONValue {
        guard self == .rough else { return json }
        var shaped = json
        if method == .get, endpoint != .customFieldTreeOptions, case .array(let rows) = shaped {
            shaped = .array(Self.page(rows, endpoint, received))
        }
        if endpoint == .customFieldTreeOptions, method == .get, case .array(let options) = shaped {
            shaped = .array(options.map(Self.keyingChildren))
        }
        if case .array(let rows) = shaped {
            if rows.count == 1, endpoint == .helpdesks || method != .get {
                shaped = rows[0]
            } else if method == .get, let key = Self.keyedLists[endpoint] {
                shaped = .object(rows.map { ($0[key]?.string ?? "", $0) })
            }
        }
        if endpoint == .usersGroups { shaped = Self.mapping(shaped) { Self.keyingIDLists($0) } }
        return Self.roughScalars(shaped)
    }

    /// The page `page` (from 1) of `page_size` rows; KB categories always in pages of 20.
    static func page(_ rows: [JSONValue], _ endpoint: Endpoint, _ received: ReceivedParameters) -> [JSONValue] {
        let asked = received.scalars["page_size"].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
        let size = endpoint == .kbCategories ? defaultPageSize : asked ?? defaultPageSize
        let page = max(1, received.scalars["page"].flatMap { Int($0) } ?? 1)
        let start = min(rows.count, (page - 1) * size)
        return Array(rows[start..<min(rows.count, start + size)])
    }

    /// A tree option whose children are an object keyed by hash (`[]` when it has none).
    static func keyingChildren(_ option: JSONValue) -> JSONValue {
        guard case .object(let pairs) = option else { return option }
        return .object(
            pairs.map { pair in
                guard pair.key == "children", case .array(let children) = pair.value, !children.isEmpty else { return pair }
                return (pair.key, .object(children.map { ($0["hash"]?.string ?? "", keyingChildren($0)) }))
            })
    }

    /// A `users.groups` record whose id lists are maps of id to id.
    static func keyingIDLists(_ record: JSONValue) -> JSONValue {
        guard case .object(let pairs) = record else { return record }
        return .object(
            pairs.map { pair in
                guard pair.key != "id", case .array(let ids) = pair.value, !ids.isEmpty else { return pair }
                return (pair.key, .object(ids.map { ($0.string ?? "", $0) }))
            })
    }

    /// `transform` applied to each record of a list or an id-keyed map.
    static func mapping(_ json: JSONValue, _ transform: (JSONValue) -> JSONValue) -> JSONValue {
        switch json {
        case .array(let rows): .array(rows.map(transform))
        case .object(let pairs) where pairs.allSatisfy({ if case .object = $0.value { true } else { false } }):
            .object(pairs.map { ($0.key, transform($0.value)) })
        default: transform(json)
        }
    }

    /// Numbers as strings and booleans as `1`/`0`, all the way down.
    static func roughScalars(_ json: JSONValue) -> JSONValue {
        switch json {
        case .number: .string(json.string ?? "")
        case .bool(let flag): .int(flag ? 1 : 0)
        case .array(let values): .array(values.map(roughScalars))
        case .object(let pairs): .object(pairs.map { ($0.key, roughScalars($0.value)) })
        case .null, .string: json
        }
    }

    /// How a refusal is answered: the reference's non-2xx `{"status": "ERROR", …}`, or a rough
    /// instance's 428 in Spanish for parameters and HTTP 200 for the refusals of its handlers.
    func answer(for refusal: Refusal) -> (status: Int, json: JSONValue)? {
        guard self == .rough else { return nil }
        switch refusal {
        case .parameter(.missing(let name)):
            return (428, StatusAnswer.error("Falta el parámetro obligatorio \(name).").json)
        case .parameter(.wrongType(let name, let kind)):
            return (428, StatusAnswer.error("El parámetro \(name) debe ser de tipo \(kind.rawValue.uppercased()).").json)
        case .estate(.unknown):
            return (200, StatusAnswer.error(refusal.description).json)
        case .invalid, .estate(.invalid):
            return (200, .object([("error", .string(refusal.description)), ("status", .int(400))]))
        case .unauthorized, .forbidden, .missingScope, .rateLimited, .unavailable, .unknownEndpoint, .methodNotAllowed, .notSaved, .conflict:
            return nil
        }
    }
}
