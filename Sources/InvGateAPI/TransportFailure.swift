/// Why an exchange produced no answer.
public enum TransportFailure: Error, Equatable, Sendable {
    /// No connection was made: the request never left. Safe to repeat whatever it was.
    case notConnected(String)
    /// The request may have reached the server (dropped connection, timeout).
    case noAnswer(String)
}
