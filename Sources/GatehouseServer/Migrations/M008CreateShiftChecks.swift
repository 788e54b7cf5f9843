import Fluent

/// Gate staff's start-of-shift checklists and temperature-taking training records.
struct M008CreateShiftChecks: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("shift_checks")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id"))
            .field("checkpoint_id", .uuid, .required, .references("checkpoints", "id"))
            .field("day", .string, .required)
            .field("items", .string, .required)
            .field("checked_at", .datetime, .required)
            .unique(on: "user_id", "checkpoint_id", "day")
            .create()
        try await db.schema("training_records")
            .id()
            .field("community_id", .uuid, .required, .references("communities", "id"))
            .field("user_id", .uuid, .required, .references("users", "id"))
            .field("trained_on", .string, .required)
            .field("trainer", .string, .required)
            .field("thermometer_model", .string, .required)
            .field("recorded_by", .uuid, .required, .references("users", "id"))
            .field("created_at", .datetime, .required)
            .create()
    }

    func revert(on db: Database) async throws {
        try await db.schema("training_records").delete()
        try await db.schema("shift_checks").delete()
    }
}
