import InvGateWire

/// Why an exchange produced no answer.
package enum TransportFailure: Error, Equatable, Sendable {
    /// No connection was made: the request never left. Safe to repeat whatever it was.
    case notConnected(String)
    /// The request may have reached the server (dropped connection, timeout).
    case noAnswer(String)
    /// No connection can be made, now or on a retry: the URL, DNS, a refused port, TLS.
    case cannotConnect(ConnectionFault)
    /// The task was cancelled (Ctrl-C) while the request was in flight.
    case cancelled
}
