import Fluent

/// A disinfection schedule the office ended (a place no longer used): it leaves the lists and the overdue counts;
/// its log stays.
struct M027DisinfectionScheduleEnd: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("disinfection_schedules").field("ended_at", .datetime).update()
        try await db.schema("disinfection_schedules").field("ended_by", .uuid, .references("users", "id")).update()
    }

    func revert(on db: Database) async throws {
        try await db.schema("disinfection_schedules").deleteField("ended_by").update()
        try await db.schema("disinfection_schedules").deleteField("ended_at").update()
    }
}
