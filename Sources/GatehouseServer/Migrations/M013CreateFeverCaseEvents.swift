import Fluent
import Foundation
import SQLKit

/// Fever cases as a workflow: the stage and since when, the observation room, every step with who and when;
/// observation rooms are due for disinfection after each use. Open cases from before become `confirmed`.
struct M013CreateFeverCaseEvents: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("fever_case_events")
            .id()
            .field("case_id", .uuid, .required, .references("fever_cases", "id"))
            .field("community_id", .uuid, .required, .references("communities", "id"))
            .field("stage", .string, .required)
            .field("at", .datetime, .required)
            .field("by", .uuid, .required, .references("users", "id"))
            .field("subject", .string)
            .field("escort", .string)
            .field("release_reason", .string)
            .field("temperature_tenths", .int)
            .field("note", .string)
            // Each stage once per case: two people taking the same step at once cannot both succeed.
            .unique(on: "case_id", "stage")
            .create()
        // SQLite adds one column per statement.
        try await db.schema("fever_cases").field("stage_since", .datetime).update()
        try await db.schema("fever_cases").field("room_schedule_id", .uuid, .references("disinfection_schedules", "id")).update()
        try await db.schema("fever_cases").field("closed_at", .datetime).update()
        try await db.schema("disinfection_schedules")
            .field("last_used_at", .datetime)
            .update()
        let sql = db as! SQLDatabase
        try await sql.update("fever_cases").set("status", to: "confirmed").where("status", .equal, "pending").run()
        // In SQL, not through the models: a migration sees the tables as they were at its step, and later ones add
        // columns the models read.
        struct Open: Decodable {
            let id: UUID
            let community_id: UUID
            let opened_at: Date
            let opened_by: UUID
        }
        let open = try await sql.select().columns("id", "community_id", "opened_at", "opened_by").from("fever_cases")
            .where("status", .equal, "confirmed").all(decoding: Open.self)
        for c in open {
            try await sql.update("fever_cases").set("stage_since", to: c.opened_at).where("id", .equal, c.id).run()
            try await sql.insert(into: "fever_case_events").columns("id", "case_id", "community_id", "stage", "at", "by")
                .values(SQLBind(UUID()), SQLBind(c.id), SQLBind(c.community_id), SQLBind("confirmed"), SQLBind(c.opened_at), SQLBind(c.opened_by))
                .run()
        }
    }

    func revert(on db: Database) async throws {
        try await db.schema("fever_case_events").delete()
        for field in ["stage_since", "room_schedule_id", "closed_at"] {
            try await db.schema("fever_cases").deleteField(.string(field)).update()
        }
        try await db.schema("disinfection_schedules").deleteField("last_used_at").update()
    }
}
