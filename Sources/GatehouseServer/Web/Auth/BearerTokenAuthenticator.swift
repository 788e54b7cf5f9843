import Crypto
import Fluent
import Foundation
import SQLKit
import Vapor

/// Authenticates `/api/v1` requests by `Authorization: Bearer <token>`: one SQL query (token joined with its
/// user), cached for `HotPathCaches.lifetime` — so an account disabled on another server instance
/// may go on working there for up to that long (this instance forgets at once: see `HotPathCaches`).
/// Future-based (see `SecurityHeadersMiddleware`): a token in the cache is checked without starting a task.
struct BearerTokenAuthenticator: Middleware {
    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        guard let bearer = request.headers.bearerAuthorization else { return next.respond(to: request) }
        let hash = Self.hash(bearer.token)
        if let cached = request.gatehouse.hotPath.tokens.value(for: hash) {
            login(cached, on: request)
            return next.respond(to: request)
        }
        return request.eventLoop.makeFutureWithTask {
            guard let found = try await Self.holder(of: hash, on: request.db) else { return }
            request.gatehouse.hotPath.tokens.store(found, for: hash)
            login(found, on: request)
        }.flatMap { next.respond(to: request) }
    }

    private func login(_ holder: BearerTokenHolder, on request: Request) {
        guard holder.expiresAt > request.gatehouse.clock.now(), holder.user.isActive else { return }
        request.auth.login(holder.user.model())
    }

    private struct Row: Decodable {
        let tokenExpiresAt: Date
    }

    /// The token's holder, straight from the database.
    static func holder(of hash: String, on db: any Database) async throws -> BearerTokenHolder? {
        guard let sql = db as? any SQLDatabase else { return nil }
        let query: SQLQueryString = """
            SELECT \(unsafeRaw: UserRow.columns(of: "u")), t.expires_at AS token_expires_at
            FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = \(bind: hash)
            """
        guard let row = try await sql.raw(query).first() else { return nil }
        let user = try row.decode(model: UserRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        let expires = try row.decode(model: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
        return BearerTokenHolder(user: user, expiresAt: expires.tokenExpiresAt)
    }

    /// SHA-256 hex of a token: what is stored.
    static func hash(_ token: String) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex = [UInt8]()
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: Data(token.utf8)) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// A new random token (256 bits, base64url).
    static func newToken() -> String {
        var rng = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &rng) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
