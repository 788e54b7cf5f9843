import Fluent

/// One check value per secret key id (`SecretKeyRing.checkValue`): the server refuses to start with a key file that
/// is missing, incomplete or another installation's.
struct M021CreateKeyChecks: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("key_checks")
            .id()
            .field("key_id", .string, .required)
            .field("check_value", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "key_id")
            .create()
    }

    func revert(on db: Database) async throws {
        try await db.schema("key_checks").delete()
    }
}
