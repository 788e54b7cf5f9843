import Vapor

/// Starting a signed-in web session: always under a new session id with new data (so a cookie planted before
/// sign-in, and the CSRF token that came with it, are not the signed-in session), holding the user and the epoch
/// of their sessions (`User.sessionEpoch`) it began in.
enum SignIn {
    static let epochKey = "epoch"

    static func begin(_ user: User, on req: Request) async throws {
        if let old = req.session.id {
            try await req.application.sessions.driver.deleteSession(old, for: req).get()
        }
        req.session.id = nil
        var data = SessionData()
        data[SessionUserAuthenticator.key] = try user.requireID().uuidString
        data[Self.epochKey] = String(user.sessionEpoch)
        req.session.data = data
        req.auth.login(user)
    }

    /// Whether a session's data still signs its user in.
    static func holds(_ data: SessionData, for user: User) -> Bool {
        user.isActive && (data[Self.epochKey] ?? "0") == String(user.sessionEpoch)
    }
}
