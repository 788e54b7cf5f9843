import Fluent
import SQLKit

/// Retention: each community's retention period and stand-down, the daily figures that outlive purged passages,
/// and the purge log (counts only).
struct M016CreateRetention: AsyncMigration {
    func prepare(on db: Database) async throws {
        // SQLite alters one column per statement.
        try await db.schema("communities").field("retention_days", .int, .required, .sql(.default(28))).update()
        try await db.schema("communities").field("stood_down_at", .datetime).update()
        try await db.schema("communities").field("stood_down_by", .uuid, .references("users", "id")).update()
        try await db.schema("daily_counts")
            .id()
            .field("community_id", .uuid, .required, .references("communities", "id"))
            .field("checkpoint_id", .uuid, .required, .references("checkpoints", "id"))
            .field("day", .string, .required)
            .field("entries", .int, .required)
            .field("exits", .int, .required)
            .field("refused", .int, .required)
            .field("abnormal", .int, .required)
            .unique(on: "community_id", "checkpoint_id", "day")
            .create()
        try await db.schema("purge_runs")
            .id()
            .field("community_id", .uuid, .required, .references("communities", "id"))
            .field("kind", .string, .required)
            .field("cutoff", .datetime)
            .field("at", .datetime, .required)
            .field("by", .uuid, .references("users", "id"))
            .field("counts", .string, .required)
            .field("total", .int, .required)
            .create()
        let sql = db as! SQLDatabase
        try await sql.create(index: "idx_purge_runs_community").on("purge_runs").column("community_id").column("at").run()
        try await sql.create(index: "idx_card_reads_created").on("card_reads").column("created_at").run()
    }

    func revert(on db: Database) async throws {
        try await db.schema("purge_runs").delete()
        try await db.schema("daily_counts").delete()
        try await db.schema("communities").deleteField("stood_down_by").update()
        try await db.schema("communities").deleteField("stood_down_at").update()
        try await db.schema("communities").deleteField("retention_days").update()
    }
}
