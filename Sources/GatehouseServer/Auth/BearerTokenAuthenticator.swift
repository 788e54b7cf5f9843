import Crypto
import Fluent
import Foundation
import Vapor

/// Authenticates `/api/v1` requests by `Authorization: Bearer <token>`.
struct BearerTokenAuthenticator: AsyncBearerAuthenticator {
    func authenticate(bearer: BearerAuthorization, for request: Request) async throws {
        let hash = Self.hash(bearer.token)
        guard let token = try await APIToken.query(on: request.db).filter(\.$tokenHash == hash).first(),
              token.expiresAt > request.gatehouse.clock.now(),
              let user = try await User.find(token.$user.id, on: request.db), user.isActive
        else { return }
        request.auth.login(user)
    }

    /// SHA-256 hex of a token: what is stored.
    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
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
