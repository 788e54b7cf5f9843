import Fluent
import SQLKit

/// Partial indexes of the abnormal passages only (a handful among millions): the "abnormal only" record list walks
/// them instead of every passage of a gate or community. Both databases keep partial indexes; the query names the
/// status as a literal so SQLite can match it (`PassageQuery`).
struct M017CreateAbnormalPassageIndexes: AsyncMigration {
    static let indexes = [
        ("idx_passages_abnormal_checkpoint", "checkpoint_id"),
        ("idx_passages_abnormal_community", "community_id"),
    ]

    func prepare(on db: Database) async throws {
        let sql = db as! any SQLDatabase
        for (name, column) in Self.indexes {
            try await sql.raw("""
                CREATE INDEX \(ident: name) ON passages (\(ident: column), recorded_at) WHERE status = 'abnormal'
                """).run()
        }
    }

    func revert(on db: Database) async throws {
        let sql = db as! any SQLDatabase
        for (name, _) in Self.indexes { try await sql.drop(index: name).run() }
    }
}
