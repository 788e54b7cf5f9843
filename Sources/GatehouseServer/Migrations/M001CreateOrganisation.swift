import Fluent

/// Districts → subdistricts → communities → checkpoints.
struct M001CreateOrganisation: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("districts")
            .id()
            .field("name", .string, .required)
            .field("division_code", .string)
            .field("is_demo", .bool, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await db.schema("subdistricts")
            .id()
            .field("district_id", .uuid, .required, .references("districts", "id"))
            .field("name", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "district_id", "name")
            .create()
        try await db.schema("communities")
            .id()
            .field("subdistrict_id", .uuid, .required, .references("subdistricts", "id"))
            .field("district_id", .uuid, .required, .references("districts", "id"))
            .field("name", .string, .required)
            .field("address", .string)
            .field("created_at", .datetime, .required)
            .unique(on: "subdistrict_id", "name")
            .create()
        try await db.schema("checkpoints")
            .id()
            .field("community_id", .uuid, .required, .references("communities", "id"))
            .field("name", .string, .required)
            .field("is_open", .bool, .required)
            .field("enrolment_code", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "enrolment_code")
            .unique(on: "community_id", "name")
            .create()
    }

    func revert(on db: Database) async throws {
        for table in ["checkpoints", "communities", "subdistricts", "districts"] {
            try await db.schema(table).delete()
        }
    }
}
