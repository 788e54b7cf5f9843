import Fluent
import Vapor

/// Authenticates ID card readers by `Authorization: Bearer dev_…` (the token shown once when the device was registered).
struct ReaderDeviceAuthenticator: AsyncBearerAuthenticator {
    static let prefix = "dev_"

    func authenticate(bearer: BearerAuthorization, for request: Request) async throws {
        guard bearer.token.hasPrefix(Self.prefix) else { return }
        let hash = BearerTokenAuthenticator.hash(bearer.token)
        guard let device = try await ReaderDevice.query(on: request.db).filter(\.$tokenHash == hash).first(), device.isActive else { return }
        request.auth.login(device)
    }
}
