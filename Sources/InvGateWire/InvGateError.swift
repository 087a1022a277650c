/// A failed API call: which operation, and why. Never carries credentials: the description is
/// built from the endpoint, the method, the HTTP status and the server's own `error`/`info` text.
package struct InvGateError: Error, Equatable, Sendable, CustomStringConvertible {
    package var endpoint: Endpoint
    package var method: Method
    package var reason: Reason

    package enum Reason: Equatable, Sendable {
        /// A non-2xx answer.
        case status(Int, error: String?, info: String?)
        /// A 2xx answer whose `status` is `ERROR`.
        case refused(error: String?, info: String?)
        /// A create whose answer was lost (dropped connection, timeout, 5xx): it may or may not
        /// have happened. Look the object up before trying again.
        case outcomeUnknown(String)
        /// The server could not be reached, after every retry.
        case unreachable(String)
        /// The answer is not what the reference describes.
        case malformedAnswer(String)
        /// A list whose pages cannot be proven to add up to the whole list.
        case incompleteList(String)
        /// No token could be obtained from the OAuth2 token endpoint.
        case authentication(String)
        /// No exchange is possible (bad URL, DNS, refused, TLS): not retried.
        case cannotConnect(ConnectionFault)
        /// The command was interrupted (Ctrl-C) while the call was in flight or waiting to retry.
        case cancelled
    }

    package init(_ endpoint: Endpoint, _ method: Method, _ reason: Reason) {
        self.endpoint = endpoint
        self.method = method
        self.reason = reason
    }

    /// The HTTP status, when the server answered.
    package var httpStatus: Int? {
        if case .status(let code, _, _) = reason { return code }
        return nil
    }

    /// A fault that retrying, or any other call, cannot get past: the URL, DNS, TLS, or the credentials.
    package var isFirstContactFault: Bool {
        switch reason {
        case .cannotConnect, .authentication: true
        case .status(let code, _, _): code == 401 || code == 403
        default: false
        }
    }

    package var isOutcomeUnknown: Bool {
        if case .outcomeUnknown = reason { return true }
        return false
    }

    package var description: String {
        let call = "\(method.rawValue) \(endpoint.rawValue)"
        func detail(_ error: String?, _ info: String?) -> String {
            [error, info].compactMap { $0?.isEmpty == false ? $0 : nil }.joined(separator: " — ")
        }
        switch reason {
        case .status(428, let error, let info):
            // Missing or mistyped parameters; the API's own words (often in Spanish) say which.
            let text = detail(error, info)
            return "\(call): HTTP 428, the API refused the call's parameters" + (text.isEmpty ? "" : ": \(text)")
        case .status(let code, let error, let info):
            let text = detail(error, info)
            return "\(call): HTTP \(code)" + (text.isEmpty ? "" : ": \(text)")
        case .refused(let error, let info):
            let text = detail(error, info)
            return "\(call): the API answered ERROR" + (text.isEmpty ? "" : ": \(text)")
        case .outcomeUnknown(let why):
            return "\(call): outcome unknown (\(why)); look the object up before retrying"
        case .unreachable(let why):
            return "\(call): the instance could not be reached (\(why))"
        case .incompleteList(let why):
            return "\(call): the list could not be proven complete: \(why); try again"
        case .malformedAnswer(let why) where method != .get:
            // The instance accepted the write (2xx, no refusal): say so before what could not be read.
            return "\(call): the instance accepted the call, but its answer has an unexpected shape: \(why)"
        case .malformedAnswer(let why):
            return "\(call): unexpected answer: \(why)"
        case .authentication(let why):
            return "\(call): authentication failed: \(why)"
        case .cannotConnect(let fault):
            return "\(call): the instance could not be reached (\(fault))"
        case .cancelled:
            return "\(call): interrupted"
        }
    }
}

/// Thrown alone where the operation is known only to the caller (fetching an OAuth2 token).
extension InvGateError.Reason: Error {}
