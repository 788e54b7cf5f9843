import Fluent
import SQLKit

/// Persons, passages, fever cases, reader devices and their reads, photos; each community's fever rule.
struct M004CreateGate: AsyncMigration {
    func prepare(on db: Database) async throws {
        // SQLite adds one column per ALTER TABLE.
        try await db.schema("communities").field("fever_threshold_tenths", .int, .required, .sql(.default(373))).update()
        try await db.schema("communities").field("remeasure_rest_seconds", .int, .required, .sql(.default(300))).update()
        try await db.schema("photos")
            .id()
            .field("community_id", .uuid, .required, .references("communities", "id"))
            .field("key_id", .string, .required)
            .field("sealed_box", .data, .required)
            .field("content_type", .string, .required)
            .field("created_at", .datetime, .required)
            .field("created_by", .uuid, .required, .references("users", "id"))
            .create()
        try await db.schema("persons")
            .id()
            .field("community_id", .uuid, .required, .references("communities", "id"))
            .field("id_number_index", .string)
            .field("id_number_sealed", .string)
            .field("document_kind", .string)
            .field("name_sealed", .string)
            .field("name_masked", .string, .required)
            .field("phone_sealed", .string)
            .field("phone_index", .string)
            .field("phone_masked", .string, .required)
            .field("card_sealed", .string)
            .field("card_valid_until", .string)
            .field("photo_id", .uuid, .references("photos", "id"))
            .field("is_registered", .bool, .required)
            .field("registered_at", .datetime)
            .field("registered_by", .uuid, .references("users", "id"))
            .field("created_at", .datetime, .required)
            .field("created_by", .uuid, .required, .references("users", "id"))
            .field("last_seen_at", .datetime)
            .unique(on: "community_id", "id_number_index")
            .create()
        try await db.schema("passages")
            .id()
            .field("community_id", .uuid, .required, .references("communities", "id"))
            .field("checkpoint_id", .uuid, .required, .references("checkpoints", "id"))
            .field("operator_id", .uuid, .required, .references("users", "id"))
            .field("person_id", .uuid, .references("persons", "id"))
            .field("direction", .string, .required)
            .field("mode", .string, .required)
            .field("readings", .string, .required)
            .field("temperature_tenths", .int, .required)
            .field("status", .string, .required)
            .field("decision", .string, .required)
            .field("reasons", .string, .required)
            .field("wears_mask", .bool, .required)
            .field("awaiting_remeasure", .bool, .required)
            .field("name_masked", .string, .required)
            .field("phone_masked", .string, .required)
            .field("recorded_at", .datetime, .required)
            .field("client_time", .datetime)
            .field("client_request_id", .uuid, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "client_request_id")
            .create()
        try await db.schema("fever_cases")
            .id()
            .field("community_id", .uuid, .required, .references("communities", "id"))
            .field("checkpoint_id", .uuid, .required, .references("checkpoints", "id"))
            .field("passage_id", .uuid, .required, .references("passages", "id"))
            .field("person_id", .uuid, .references("persons", "id"))
            .field("status", .string, .required)
            .field("temperature_tenths", .int, .required)
            .field("opened_at", .datetime, .required)
            .field("opened_by", .uuid, .required, .references("users", "id"))
            .unique(on: "passage_id")
            .create()
        try await db.schema("reader_devices")
            .id()
            .field("community_id", .uuid, .required, .references("communities", "id"))
            .field("checkpoint_id", .uuid, .required, .references("checkpoints", "id"))
            .field("name", .string, .required)
            .field("token_hash", .string, .required)
            .field("is_active", .bool, .required)
            .field("created_at", .datetime, .required)
            .field("created_by", .uuid, .required, .references("users", "id"))
            .field("last_seen_at", .datetime)
            .unique(on: "token_hash")
            .create()
        try await db.schema("card_reads")
            .id()
            .field("checkpoint_id", .uuid, .required, .references("checkpoints", "id"))
            .field("device_id", .uuid, .required, .references("reader_devices", "id"))
            .field("payload_sealed", .string, .required)
            .field("created_at", .datetime, .required)
            .field("used_by_passage", .uuid)
            .create()
        let sql = db as! SQLDatabase
        for (name, table, columns) in [
            ("idx_passages_checkpoint_time", "passages", ["checkpoint_id", "recorded_at"]),
            ("idx_passages_community_time", "passages", ["community_id", "recorded_at"]),
            ("idx_passages_person", "passages", ["person_id"]),
            ("idx_persons_phone_index", "persons", ["community_id", "phone_index"]),
            ("idx_fever_cases_community", "fever_cases", ["community_id", "status"]),
            ("idx_card_reads_checkpoint", "card_reads", ["checkpoint_id", "created_at"]),
        ] {
            var builder = sql.create(index: name).on(table)
            for column in columns { builder = builder.column(column) }
            try await builder.run()
        }
    }

    func revert(on db: Database) async throws {
        for table in ["card_reads", "reader_devices", "fever_cases", "passages", "persons", "photos"] {
            try await db.schema(table).delete()
        }
        try await db.schema("communities").deleteField("fever_threshold_tenths").update()
        try await db.schema("communities").deleteField("remeasure_rest_seconds").update()
    }
}
