import Fluent
import SQLKit

/// Supply requests of households under home quarantine and their contactless hand-over.
struct M011CreateSupplyRequests: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("supply_requests")
            .id()
            .field("community_id", .uuid, .required, .references("communities", "id"))
            .field("household_id", .uuid, .required, .references("households", "id"))
            .field("items", .string, .required)
            .field("urgent", .bool, .required)
            .field("requested_at", .datetime, .required)
            .field("requested_by", .uuid, .required, .references("users", "id"))
            .field("delivered_at", .datetime)
            .field("delivered_by", .uuid, .references("users", "id"))
            .field("handover_note", .string)
            .field("photo_id", .uuid, .references("photos", "id"))
            .create()
        try await (db as! SQLDatabase).create(index: "idx_supply_requests_open").on("supply_requests")
            .column("community_id").column("delivered_at").run()
    }

    func revert(on db: Database) async throws {
        try await db.schema("supply_requests").delete()
    }
}
