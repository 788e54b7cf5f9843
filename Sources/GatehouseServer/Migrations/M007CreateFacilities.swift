import Fluent
import SQLKit

/// The register of a community's facilities (activity rooms, games rooms, hotels, renovation works) and their
/// status changes.
struct M007CreateFacilities: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("facilities")
            .id()
            .field("community_id", .uuid, .required, .references("communities", "id"))
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("status", .string, .required)
            .field("status_since", .datetime, .required)
            .field("changed_by", .uuid, .required, .references("users", "id"))
            .field("note", .string)
            .field("created_at", .datetime, .required)
            .unique(on: "community_id", "name")
            .create()
        try await db.schema("facility_changes")
            .id()
            .field("facility_id", .uuid, .required, .references("facilities", "id"))
            .field("status", .string, .required)
            .field("changed_at", .datetime, .required)
            .field("changed_by", .uuid, .required, .references("users", "id"))
            .field("note", .string)
            .create()
        try await (db as! SQLDatabase).create(index: "idx_facility_changes_facility").on("facility_changes").column("facility_id").run()
    }

    func revert(on db: Database) async throws {
        try await db.schema("facility_changes").delete()
        try await db.schema("facilities").delete()
    }
}
