import Fluent
import SQLKit

/// The gate as a guard lives it: the lowest plausible reading and whether proposed registrations pass meanwhile
/// (community settings), operators' registration proposals for the office to check, and partial indexes that find a
/// person's pending re-measure at every identification (they hold only the few rows waiting for one).
struct M020GateAsGuardsLiveIt: AsyncMigration {
    static let pendingIndexes = [
        ("idx_passages_pending_person", "person_id"),
        ("idx_passages_pending_pass", "pass_id"),
        ("idx_passages_pending_community", "community_id"),
    ]

    func prepare(on db: Database) async throws {
        try await db.schema("communities").field("lowest_reading_tenths", .int, .required, .sql(.default(350))).update()
        try await db.schema("communities").field("admit_proposed", .bool, .required, .sql(.default(false))).update()
        try await db.schema("registration_proposals")
            .id()
            .field("community_id", .uuid, .required, .references("communities", "id"))
            .field("checkpoint_id", .uuid, .required, .references("checkpoints", "id"))
            .field("person_id", .uuid, .required, .references("persons", "id"))
            .field("passage_id", .uuid)
            .field("proposed_by", .uuid, .required, .references("users", "id"))
            .field("proposed_at", .datetime, .required)
            .field("status", .string, .required)
            .field("decided_by", .uuid, .references("users", "id"))
            .field("decided_at", .datetime)
            .field("household_id", .uuid, .references("households", "id"))
            .field("note", .string)
            .create()
        let sql = db as! any SQLDatabase
        try await sql.create(index: "idx_registration_proposals_community").on("registration_proposals")
            .column("community_id").column("status").column("proposed_at").run()
        try await sql.create(index: "idx_registration_proposals_person").on("registration_proposals").column("person_id").run()
        for (name, column) in Self.pendingIndexes {
            try await sql.raw("CREATE INDEX \(ident: name) ON passages (\(ident: column), recorded_at) WHERE awaiting_remeasure").run()
        }
    }

    func revert(on db: Database) async throws {
        let sql = db as! any SQLDatabase
        for (name, _) in Self.pendingIndexes { try await sql.drop(index: name).run() }
        try await db.schema("registration_proposals").delete()
        try await db.schema("communities").deleteField("admit_proposed").update()
        try await db.schema("communities").deleteField("lowest_reading_tenths").update()
    }
}
