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
        /// Seconds the token lives (`lifetime`): sign in again afterwards.
        let expiresIn: Int
        let role: String
    }

    /// A token lives for one shift and a half; a disabled account, a password change or a logout ends it sooner.
    static let lifetime: TimeInterval = 12 * 3600

    func boot(routes: any RoutesBuilder) throws {
        routes.post(.api(.authToken), use: issue)
    }

    /// `POST /api/v1/auth/logout` (signed in): the bearer token that calls it stops working at once.
    static func logout(req: Request) async throws -> Response {
        _ = try req.requireUser()
        guard let bearer = req.headers.bearerAuthorization else {
            throw AppError(.badRequest, "no_token", zh: "只有接口令牌可以这样退出；网页请点“退出”", en: "Only an API token signs out this way; on a page, use Sign out")
        }
        // Deleted as a model, so this instance's caches forget it at once (`HotPathCacheInvalidation`).
        try await APIToken.query(on: req.db).filter(\.$tokenHash == BearerTokenAuthenticator.hash(bearer.token)).first()?.delete(on: req.db)
        return Response(status: .noContent)
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
        return try await Issued(token: token, expiresAt: expires, expiresIn: Int(Self.lifetime), role: user.role)
            .encodeResponse(status: .ok, for: req)
    }
}
