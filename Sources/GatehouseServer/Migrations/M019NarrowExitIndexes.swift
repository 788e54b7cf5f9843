import Fluent
import SQLKit

/// The outing quota's indexes hold the allowed exits alone (partial indexes), not every passage: each passage with an
/// entry in one of them costs the writer a page of its own (a household's or a pass's entries lie far apart), and the
/// two full indexes made half of what the hot path wrote to disk. The quota's count names the direction and the
/// decision as literals, so both databases match the condition (`OutingQuotaCounter.query`).
struct M019NarrowExitIndexes: AsyncMigration {
    /// New index, column, and the full index it replaces (M005).
    static let indexes = [
        ("idx_passages_household_exits", "household_id", "idx_passages_household_out"),
        ("idx_passages_pass_exits", "pass_id", "idx_passages_pass_out"),
    ]

    func prepare(on db: Database) async throws {
        let sql = db as! any SQLDatabase
        for (name, column, old) in Self.indexes {
            try await sql.raw("""
                CREATE INDEX \(ident: name) ON passages (\(ident: column), recorded_at) \
                WHERE direction = 'out' AND decision = 'allow'
                """).run()
            try await sql.drop(index: old).run()
        }
    }

    func revert(on db: Database) async throws {
        let sql = db as! any SQLDatabase
        for (name, column, old) in Self.indexes {
            try await sql.create(index: old).on("passages").column(column).column("direction").column("recorded_at").run()
            try await sql.drop(index: name).run()
        }
    }
}
