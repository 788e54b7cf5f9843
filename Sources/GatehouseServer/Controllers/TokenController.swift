import Fluent
import GatehouseCore
import Vapor

/// `POST /api/v1/auth/token`: username and password for a bearer token.
struct TokenController: RouteCollection {
    struct Credentials: Content {
        let username: String
        let password: String
    }

    struct Issued: Content {
        let token: String
        let expiresAt: Date
        let role: String
    }

    static let lifetime: TimeInterval = 12 * 3600

    func boot(routes: any RoutesBuilder) throws {
        routes.post("auth", "token", use: issue)
    }

    func issue(req: Request) async throws -> Response {
        let credentials = try req.content.decode(Credentials.self)
        guard let user = try await LoginCheck.verify(username: credentials.username, password: credentials.password, on: req) else {
            throw AppError(.unauthorized, "invalid_credentials", zh: "登录名或密码不正确", en: "Wrong username or password")
        }
        let token = BearerTokenAuthenticator.newToken()
        let now = req.gatehouse.clock.now()
        let expires = now + Self.lifetime
        try await APIToken(userID: try user.requireID(), tokenHash: BearerTokenAuthenticator.hash(token), expiresAt: expires, createdAt: now)
            .create(on: req.db)
        return try await Issued(token: token, expiresAt: expires, role: user.role).encodeResponse(status: .ok, for: req)
    }
}
