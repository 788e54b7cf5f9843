import Fluent
import SQLKit

/// Disinfection schedules (per place, with an interval) and the log of disinfections done.
struct M009CreateDisinfection: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("disinfection_schedules")
            .id()
            .field("community_id", .uuid, .required, .references("communities", "id"))
            .field("checkpoint_id", .uuid, .references("checkpoints", "id"))
            .field("name", .string, .required)
            .field("place", .string, .required)
            .field("interval_minutes", .int, .required)
            .field("last_done_at", .datetime)
            .field("created_at", .datetime, .required)
            .field("created_by", .uuid, .required, .references("users", "id"))
            .create()
        try await db.schema("disinfection_logs")
            .id()
            .field("schedule_id", .uuid, .required, .references("disinfection_schedules", "id"))
            .field("community_id", .uuid, .required, .references("communities", "id"))
            .field("agent", .string, .required)
            .field("note", .string)
            .field("photo_id", .uuid, .references("photos", "id"))
            .field("done_at", .datetime, .required)
            .field("done_by", .uuid, .required, .references("users", "id"))
            .create()
        let sql = db as! SQLDatabase
        try await sql.create(index: "idx_disinfection_schedules_community").on("disinfection_schedules").column("community_id").run()
        try await sql.create(index: "idx_disinfection_logs_schedule").on("disinfection_logs").column("schedule_id").column("done_at").run()
    }

    func revert(on db: Database) async throws {
        try await db.schema("disinfection_logs").delete()
        try await db.schema("disinfection_schedules").delete()
    }
}
