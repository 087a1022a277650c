/// The answer of a write: `status` and `info`, plus whatever the operation returns
/// (`id`, `category_id`, `total`, a company's fields).
package struct StatusAnswer: Equatable, Sendable {
    package var json: JSONValue

    package init(json: JSONValue) {
        self.json = json
    }

    /// `"OK"`, `"ERROR"`, or nil when the operation answers no status (`POST groups` gives only `{id}`).
    package var status: String? { json["status"]?.string }
    /// A refusal, whatever the HTTP status: `"status": "ERROR"`, or a numeric `status` (or a numeric
    /// string) outside 2xx with an `error` (`{"error": "…", "status": 400}`), as real instances answer on HTTP 200.
    package var isError: Bool {
        if status?.uppercased() == "ERROR" { return true }
        guard let code = json["status"]?.int else { return false }
        return !(200..<300).contains(code) && error != nil
    }
    package var info: String? { json["info"]?.string }
    /// The refusal's text: `error`, or `message` where an instance words it so. Only a string:
    /// an `error` of `false` or `0` is no error.
    package var error: String? {
        for key in ["error", "message"] {
            if case .string(let text)? = json[key], !text.isEmpty { return text }
        }
        return nil
    }
    /// The new object's id: `id`, or `category_id` for KB categories (a string there).
    package var createdID: Int? { json["id"]?.int ?? json["category_id"]?.int }
    package var total: Int? { json["total"]?.int }

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
