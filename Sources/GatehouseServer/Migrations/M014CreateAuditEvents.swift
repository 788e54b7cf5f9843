import Fluent
import SQLKit

/// The audit log: who exported, traced, revealed or changed what, and when — never the personal data itself.
struct M014CreateAuditEvents: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("audit_events")
            .id()
            .field("at", .datetime, .required)
            .field("user_id", .uuid, .required, .references("users", "id"))
            .field("role", .string, .required)
            .field("action", .string, .required)
            .field("community_id", .uuid, .references("communities", "id"))
            .field("target", .string)
            .field("detail", .string, .required)
            .field("reason", .string)
            .create()
        let sql = db as! SQLDatabase
        try await sql.create(index: "idx_audit_events_community").on("audit_events").column("community_id").column("at").run()
        try await sql.create(index: "idx_audit_events_user").on("audit_events").column("user_id").column("at").run()
    }

    func revert(on db: Database) async throws {
        try await db.schema("audit_events").delete()
    }
}
