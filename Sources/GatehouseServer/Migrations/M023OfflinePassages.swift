import Fluent
import SQLKit

/// Passages taken while the gate was offline: `offline` marks them; where the server, applying every rule again at
/// sync, would have decided otherwise, `review_decision` and `review_reasons` hold its decision beside the one the
/// gate took, until the office marks it reviewed (`reviewed_at`, `reviewed_by`). The partial index holds only the few
/// rows waiting for review, for the community page's list.
struct M023OfflinePassages: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("passages").field("offline", .bool, .required, .sql(.default(false))).update()
        try await db.schema("passages").field("review_decision", .string).update()
        try await db.schema("passages").field("review_reasons", .string).update()
        try await db.schema("passages").field("reviewed_at", .datetime).update()
        try await db.schema("passages").field("reviewed_by", .uuid).update()
        let sql = db as! any SQLDatabase
        try await sql.raw("""
            CREATE INDEX idx_passages_offline_review ON passages (community_id, recorded_at) \
            WHERE review_decision IS NOT NULL AND reviewed_at IS NULL
            """).run()
    }

    func revert(on db: Database) async throws {
        let sql = db as! any SQLDatabase
        try await sql.drop(index: "idx_passages_offline_review").run()
        for field in ["reviewed_by", "reviewed_at", "review_reasons", "review_decision", "offline"] {
            try await db.schema("passages").deleteField(.string(field)).update()
        }
    }
}
