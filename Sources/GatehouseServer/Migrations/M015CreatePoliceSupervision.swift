import Fluent
import SQLKit

/// Police supervision: read-only access to a community granted by its office for a range of days, and the police's
/// spot-check records of its gates.
struct M015CreatePoliceSupervision: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("police_grants")
            .id()
            .field("community_id", .uuid, .required, .references("communities", "id"))
            .field("police_user_id", .uuid, .required, .references("users", "id"))
            .field("starts_on", .string, .required)
            .field("ends_on", .string, .required)
            .field("active", .bool, .required)
            .field("granted_at", .datetime, .required)
            .field("granted_by", .uuid, .required, .references("users", "id"))
            .field("revoked_at", .datetime)
            .field("revoked_by", .uuid, .references("users", "id"))
            .create()
        try await db.schema("spot_checks")
            .id()
            .field("community_id", .uuid, .required, .references("communities", "id"))
            .field("checkpoint_id", .uuid, .required, .references("checkpoints", "id"))
            .field("checked_at", .datetime, .required)
            .field("checked_by", .uuid, .required, .references("users", "id"))
            .field("rating", .string, .required)
            .field("findings", .string, .required)
            .field("photo_ids", .string, .required)
            .create()
        let sql = db as! SQLDatabase
        try await sql.create(index: "idx_police_grants_user").on("police_grants").column("police_user_id").column("active").run()
        try await sql.create(index: "idx_spot_checks_community").on("spot_checks").column("community_id").column("checked_at").run()
    }

    func revert(on db: Database) async throws {
        try await db.schema("spot_checks").delete()
        try await db.schema("police_grants").delete()
    }
}
