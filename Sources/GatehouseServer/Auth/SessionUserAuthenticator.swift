import Fluent
import Vapor

/// Logs in the user whose id the web session holds (sessions live in the database, shared by all instances).
struct SessionUserAuthenticator: AsyncMiddleware {
    static let key = "uid"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.hasSession, let text = request.session.data[Self.key], let id = UUID(uuidString: text) {
            if let user = try await User.find(id, on: request.db), user.isActive {
                request.auth.login(user)
            } else {
                request.session.destroy()
            }
        }
        return try await next.respond(to: request)
    }
}
