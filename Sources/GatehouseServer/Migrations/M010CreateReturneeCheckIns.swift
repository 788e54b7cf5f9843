import Fluent

/// Daily health check-ins of returnees under monitoring.
struct M010CreateReturneeCheckIns: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("returnee_check_ins")
            .id()
            .field("report_id", .uuid, .required, .references("returnee_reports", "id"))
            .field("community_id", .uuid, .required, .references("communities", "id"))
            .field("day", .string, .required)
            .field("temperature_tenths", .int, .required)
            .field("symptoms", .string, .required)
            .field("note", .string)
            .field("recorded_at", .datetime, .required)
            .field("recorded_by", .uuid, .required, .references("users", "id"))
            .unique(on: "report_id", "day")
            .create()
    }

    func revert(on db: Database) async throws {
        try await db.schema("returnee_check_ins").delete()
    }
}
