import Fluent

/// Users (with sealed personal fields and blind indexes) and API tokens.
struct M002CreateAccounts: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("users")
            .id()
            .field("username", .string, .required)
            .field("password_hash", .string, .required)
            .field("role", .string, .required)
            .field("district_id", .uuid, .references("districts", "id"))
            .field("subdistrict_id", .uuid, .references("subdistricts", "id"))
            .field("community_id", .uuid, .references("communities", "id"))
            .field("checkpoint_id", .uuid, .references("checkpoints", "id"))
            .field("name_sealed", .string, .required)
            .field("phone_sealed", .string)
            .field("phone_index", .string)
            .field("user_code_sealed", .string)
            .field("user_code_index", .string)
            .field("unit_name", .string)
            .field("is_active", .bool, .required)
            .field("created_at", .datetime, .required)
            .field("created_by", .uuid)
            .unique(on: "username")
            .create()
        try await db.schema("api_tokens")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("token_hash", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on db: Database) async throws {
        try await db.schema("api_tokens").delete()
        try await db.schema("users").delete()
    }
}
