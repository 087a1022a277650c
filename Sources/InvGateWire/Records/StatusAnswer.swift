/// The answer of a write: `status` and `info`, plus whatever the operation returns
/// (`id`, `category_id`, `total`, a company's fields).
public struct StatusAnswer: Equatable, Sendable {
    public var json: JSONValue

    public init(json: JSONValue) {
        self.json = json
    }

    /// `"OK"`, `"ERROR"`, or nil when the operation answers no status (`POST groups` gives only `{id}`).
    public var status: String? { json["status"]?.string }
    public var isError: Bool { status?.uppercased() == "ERROR" }
    public var info: String? { json["info"]?.string }
    public var error: String? { json["error"]?.string }
    /// The new object's id: `id`, or `category_id` for KB categories (a string there).
    public var createdID: Int? { json["id"]?.int ?? json["category_id"]?.int }
    public var total: Int? { json["total"]?.int }

    package static func ok(_ extra: [(key: String, value: JSONValue)] = [], info: String? = nil) -> StatusAnswer {
        var pairs = extra
        pairs.append(("status", .string("OK")))
        if let info { pairs.append(("info", .string(info))) }
        return StatusAnswer(json: .object(pairs))
    }

    package static func error(_ message: String, info: String? = nil) -> StatusAnswer {
        var pairs: [(key: String, value: JSONValue)] = [("status", .string("ERROR")), ("error", .string(message))]
        if let info { pairs.append(("info", .string(info))) }
        return StatusAnswer(json: .object(pairs))
    }
}
