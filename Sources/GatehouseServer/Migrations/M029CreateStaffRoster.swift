import Fluent
import SQLKit

/// The staff roster: people at the gate without an account (volunteers), with their duty, shifts and training — so
/// training and shift records cover everyone at the gate. `training_records.user_id` becomes optional beside the new
/// `member_id` (SQLite: `SQLiteTableRebuild`).
struct M029CreateStaffRoster: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("roster_members")
            .id()
            .field("community_id", .uuid, .required, .references("communities", "id"))
            .field("name_sealed", .string, .required)
            .field("phone_sealed", .string)
            .field("phone_masked", .string, .required)
            .field("duty", .string, .required)
            .field("created_at", .datetime, .required)
            .field("created_by", .uuid, .required, .references("users", "id"))
            .field("left_at", .datetime)
            .create()
        try await db.schema("roster_shifts")
            .id()
            .field("community_id", .uuid, .required, .references("communities", "id"))
            .field("member_id", .uuid, .required, .references("roster_members", "id"))
            .field("checkpoint_id", .uuid, .required, .references("checkpoints", "id"))
            .field("day", .string, .required)
            .field("starts", .string, .required)
            .field("ends", .string, .required)
            .field("recorded_by", .uuid, .required, .references("users", "id"))
            .field("created_at", .datetime, .required)
            .create()
        let sql = db as! any SQLDatabase
        try await sql.create(index: "idx_roster_shifts_member").on("roster_shifts").column("member_id").run()
        guard sql.dialect.name == "sqlite" else {
            try await sql.raw("""
                ALTER TABLE training_records ALTER COLUMN user_id DROP NOT NULL,
                ADD COLUMN member_id UUID REFERENCES roster_members(id)
                """).run()
            return
        }
        try await SQLiteTableRebuild(table: "training_records", create: """
            CREATE TABLE "training_records_new" (
                "id" UUID PRIMARY KEY NOT NULL,
                "community_id" UUID NOT NULL REFERENCES "communities" ("id"),
                "user_id" UUID REFERENCES "users" ("id"),
                "member_id" UUID REFERENCES "roster_members" ("id"),
                "trained_on" TEXT NOT NULL,
                "trainer" TEXT NOT NULL,
                "thermometer_model" TEXT NOT NULL,
                "recorded_by" UUID NOT NULL REFERENCES "users" ("id"),
                "created_at" REAL NOT NULL
            )
            """, columns: ["id", "community_id", "user_id", "trained_on", "trainer", "thermometer_model", "recorded_by", "created_at"],
            indexes: []).run(on: db)
    }

    func revert(on db: Database) async throws {
        let sql = db as! any SQLDatabase
        try await sql.raw("DELETE FROM training_records WHERE user_id IS NULL").run()
        if sql.dialect.name != "sqlite" {
            try await sql.raw("ALTER TABLE training_records DROP COLUMN member_id, ALTER COLUMN user_id SET NOT NULL").run()
        }
        try await db.schema("roster_shifts").delete()
        try await db.schema("roster_members").delete()
    }
}
