import Fluent
import Vapor

/// Checks a username and password; the same work is done for unknown users so timing does not tell them apart.
enum LoginCheck {
    private static let dummyHash = "$2b$12$C6UzMDM.H6dfI/f/IKxGhuR8yNrMYqkFOr4Ih0N8Vv9yZGg9ZXqhe"

    static func verify(username: String, password: String, on req: Request) async throws -> User? {
        let name = username.trimmingCharacters(in: .whitespaces).lowercased()
        guard !name.isEmpty, !password.isEmpty, password.count <= 128 else { return nil }
        let user = try await User.query(on: req.db).filter(\.$username == name).first()
        guard let user, user.isActive else {
            _ = try? await req.password.async.verify(password, created: dummyHash)
            return nil
        }
        return try await req.password.async.verify(password, created: user.passwordHash) ? user : nil
    }
}
