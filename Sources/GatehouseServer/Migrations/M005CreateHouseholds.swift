import Fluent
import SQLKit

/// Households, residents and passes; passages and fever cases name the household and pass; each community's
/// outing quota and pass validity.
struct M005CreateHouseholds: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("communities").field("outing_quota", .string).update()
        try await db.schema("communities").field("pass_validity_days", .int, .required, .sql(.default(90))).update()
        try await db.schema("households")
            .id()
            .field("community_id", .uuid, .required, .references("communities", "id"))
            .field("label", .string, .required)
            .field("building", .string)
            .field("unit", .string)
            .field("room", .string)
            .field("village_group", .string)
            .field("house_number", .string)
            .field("landlord_name_sealed", .string)
            .field("landlord_phone_sealed", .string)
            .field("landlord_phone_index", .string)
            .field("landlord_phone_masked", .string)
            .field("landlord_user_id", .uuid, .references("users", "id"))
            .field("home_quarantine", .bool, .required)
            .field("quarantine_changed_at", .datetime)
            .field("quarantine_changed_by", .uuid, .references("users", "id"))
            .field("created_at", .datetime, .required)
            .field("created_by", .uuid, .required, .references("users", "id"))
            .unique(on: "community_id", "label")
            .create()
        try await db.schema("residents")
            .id()
            .field("community_id", .uuid, .required, .references("communities", "id"))
            .field("household_id", .uuid, .required, .references("households", "id"))
            .field("person_id", .uuid, .required, .references("persons", "id"))
            .field("category", .string, .required)
            .field("stay_until", .string)
            .field("user_id", .uuid, .references("users", "id"))
            .field("created_at", .datetime, .required)
            .field("created_by", .uuid, .required, .references("users", "id"))
            .unique(on: "community_id", "person_id")
            .create()
        try await db.schema("passes")
            .id()
            .field("community_id", .uuid, .required, .references("communities", "id"))
            .field("household_id", .uuid, .required, .references("households", "id"))
            .field("resident_id", .uuid, .references("residents", "id"))
            .field("kind", .string, .required)
            .field("status", .string, .required)
            .field("short_code", .string, .required)
            .field("issued_at", .datetime, .required)
            .field("issued_by", .uuid, .required, .references("users", "id"))
            .field("expires_at", .datetime, .required)
            .field("replaces_id", .uuid, .references("passes", "id"))
            .field("status_reason", .string)
            .field("status_changed_at", .datetime)
            .field("status_changed_by", .uuid, .references("users", "id"))
            .unique(on: "community_id", "short_code")
            .create()
        try await db.schema("passages").field("household_id", .uuid, .references("households", "id")).update()
        try await db.schema("passages").field("pass_id", .uuid, .references("passes", "id")).update()
        try await db.schema("fever_cases").field("household_id", .uuid, .references("households", "id")).update()
        let sql = db as! SQLDatabase
        for (name, table, columns) in [
            ("idx_residents_household", "residents", ["household_id"]),
            ("idx_residents_user", "residents", ["user_id"]),
            ("idx_passes_household", "passes", ["household_id", "status"]),
            ("idx_passages_household_out", "passages", ["household_id", "direction", "recorded_at"]),
            ("idx_passages_pass_out", "passages", ["pass_id", "direction", "recorded_at"]),
        ] {
            var builder = sql.create(index: name).on(table)
            for column in columns { builder = builder.column(column) }
            try await builder.run()
        }
    }

    func revert(on db: Database) async throws {
        try await db.schema("fever_cases").deleteField("household_id").update()
        try await db.schema("passages").deleteField("pass_id").update()
        try await db.schema("passages").deleteField("household_id").update()
        for table in ["passes", "residents", "households"] { try await db.schema(table).delete() }
        try await db.schema("communities").deleteField("pass_validity_days").update()
        try await db.schema("communities").deleteField("outing_quota").update()
    }
}
