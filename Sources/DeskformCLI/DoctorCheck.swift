import InvGateWire

/// One line of `deskform doctor`'s checklist: what was checked, how it went, and why.
struct DoctorCheck: Equatable, Sendable {
    enum Status: String, Sendable {
        case ok, warning, failed
    }

    let name: String
    let status: Status
    let detail: String

    static func ok(_ name: String, _ detail: String) -> DoctorCheck { DoctorCheck(name: name, status: .ok, detail: detail) }
    static func warning(_ name: String, _ detail: String) -> DoctorCheck { DoctorCheck(name: name, status: .warning, detail: detail) }
    static func failed(_ name: String, _ detail: String) -> DoctorCheck { DoctorCheck(name: name, status: .failed, detail: detail) }

    /// `ok       credentials: accepted (HTTP Basic auth)`.
    var line: String {
        status.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0) + name + ": " + detail
    }

    var json: JSONValue {
        .object([("name", .string(name)), ("status", .string(status.rawValue)), ("detail", .string(detail))])
    }
}
