import Foundation
import GatehouseCore
import SQLKit

/// Adds purged passages to `daily_counts` (per checkpoint and China day), in the transaction that deletes them. Each
/// passage is purged once, so adding to what is there counts every passage exactly once, however the purges fall.
struct DailyCountTally {
    let sql: any SQLDatabase
    let community: UUID

    /// What the figures need of a passage (`DELETE … RETURNING` these columns).
    struct Row: Decodable {
        let checkpoint_id: UUID
        let recorded_at: Date
        let direction: String
        let decision: String
        let status: String
    }

    private struct Key: Hashable {
        let checkpoint: UUID
        let day: String
    }

    private struct Figures {
        var entries = 0, exits = 0, refused = 0, abnormal = 0
    }

    func add(_ rows: [Row]) async throws {
        var tally: [Key: Figures] = [:]
        for row in rows {
            let key = Key(checkpoint: row.checkpoint_id, day: CalendarDate(row.recorded_at).description)
            var f = tally[key] ?? Figures()
            if row.decision == EntryDecision.allow.rawValue {
                if row.direction == Direction.in.rawValue { f.entries += 1 } else { f.exits += 1 }
            } else {
                f.refused += 1
            }
            if row.status == "abnormal" { f.abnormal += 1 }
            tally[key] = f
        }
        for (key, f) in tally {
            try await sql.raw("""
                INSERT INTO daily_counts (id, community_id, checkpoint_id, day, entries, exits, refused, abnormal)
                VALUES (\(bind: UUID()), \(bind: community), \(bind: key.checkpoint), \(bind: key.day), \(bind: f.entries), \(bind: f.exits), \(bind: f.refused), \(bind: f.abnormal))
                ON CONFLICT (community_id, checkpoint_id, day) DO UPDATE SET
                  entries = daily_counts.entries + excluded.entries, exits = daily_counts.exits + excluded.exits,
                  refused = daily_counts.refused + excluded.refused, abnormal = daily_counts.abnormal + excluded.abnormal
                """).run()
        }
    }
}
