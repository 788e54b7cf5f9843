import Fluent
import SQLKit

/// `users.session_epoch`: a sign-in's session carries the epoch it began in; a password change or "sign out
/// everywhere" moves the epoch on, which ends every other session of the account on every instance at its next request.
struct M022SessionEpochs: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("users").field("session_epoch", .int, .required, .sql(.default(0))).update()
    }

    func revert(on db: Database) async throws {
        try await db.schema("users").deleteField("session_epoch").update()
    }
}
