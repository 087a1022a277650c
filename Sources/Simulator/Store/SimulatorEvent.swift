/// What the instance did besides changing its estate, recorded for tests (kept in memory only).
package enum SimulatorEvent: Equatable, Sendable {
    /// `user` POST with `send_set_password_email`: the new user was sent a link to set a password.
    case setPasswordMail(user: Int, email: String)
    /// `DELETE user` was answered: the account is deleted for good. deskform never sends it; a test that
    /// sees this event fails.
    case userDeleted(Int)
}
