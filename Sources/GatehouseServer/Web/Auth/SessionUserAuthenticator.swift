import Fluent
import Vapor

/// Logs in the user whose id the web session holds (sessions live in the database, shared by all instances), while
/// the account is active and the session is of its current epoch; otherwise the session ends.
struct SessionUserAuthenticator: Middleware {
    static let key = "uid"

    /// Future-based (see `SecurityHeadersMiddleware`): a request without a session goes straight on.
    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        guard request.hasSession, let text = request.session.data[Self.key], let id = UUID(uuidString: text) else {
            return next.respond(to: request)
        }
        return request.eventLoop.makeFutureWithTask {
            if let user = try await User.find(id, on: request.db), SignIn.holds(request.session.data, for: user) {
                request.auth.login(user)
            } else {
                request.session.destroy()
            }
        }.flatMap { next.respond(to: request) }
    }
}
