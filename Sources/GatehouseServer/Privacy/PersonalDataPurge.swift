import Fluent
import Foundation
import GatehouseCore
import GatehouseStore
import SQLKit

/// Deletes a community's personal data — after its retention period (the daily job, `gatehouse purge`) or all of
/// it (stand-down) — in an order the foreign keys allow, adds the purged passages to `daily_counts` first, and
/// logs the counts in `purge_runs`. Data still needed survives a retention purge: registered residents and their
/// households, open fever cases with their passages, quarantine orders not yet released, undelivered supplies.
///
/// On SQLite the deleting connection runs with `secure_delete`, and the write-ahead log is truncated afterwards,
/// so purged rows are not left readable in the database file.
struct PersonalDataPurge {
    let services: GatehouseServices
    let db: any Database

    /// Purges data of `community` older than its retention period; returns the counts (already logged).
    @discardableResult
    func purgeExpired(_ community: Community, by user: User? = nil) async throws -> PurgeCounts {
        let period = RetentionPeriod(days: community.retentionDays) ?? .standard
        let today = services.today
        let scope = Scope(community: community.id!, cutoff: period.cutoff(today: today),
                          firstKeptDay: period.firstKeptDay(today: today).description, everything: false)
        return try await run(scope, kind: .retention, by: user?.id)
    }

    /// Purges data older than the retention period in every community that has not stood down.
    func purgeExpiredEverywhere() async throws -> [(Community, PurgeCounts)] {
        var result: [(Community, PurgeCounts)] = []
        for community in try await Community.query(on: db).filter(\.$stoodDownAt == nil).sort(\.$name).all() {
            result.append((community, try await purgeExpired(community)))
        }
        return result
    }

    /// Stand-down: purges all personal data of `community`, anonymises its resident, landlord and agency accounts,
    /// and marks it stood down (in the same transaction) so that its gates record nothing more.
    @discardableResult
    func standDown(_ community: Community, by user: User?) async throws -> PurgeCounts {
        let scope = Scope(community: community.id!, cutoff: .distantFuture, firstKeptDay: "9999-12-31", everything: true)
        return try await run(scope, kind: .standDown, by: user?.id)
    }

    /// PostgreSQL advisory lock that serialises purges across instances.
    static let lockKey: Int64 = 0x6761_7465_7075_7267

    struct Scope: Sendable {
        let community: UUID
        /// Rows recorded before this go.
        let cutoff: Date
        /// Rows with a China day before this (`yyyy-MM-dd`) go.
        let firstKeptDay: String
        /// Stand-down: everything personal, needed or not.
        let everything: Bool
    }

    private func run(_ scope: Scope, kind: PurgeKind, by user: UUID?) async throws -> PurgeCounts {
        let sealer = services.sealer
        let now = services.clock.now()
        let counts = try await db.writeTransaction { tx in
            let sql = tx as! any SQLDatabase
            if tx.engine == .sqlite {
                try await sql.raw("PRAGMA secure_delete = ON").run()
            } else {
                // Several instances may purge at once: one at a time, so that no passage is tallied twice.
                try await sql.raw("SELECT pg_advisory_xact_lock(\(bind: Self.lockKey))").run()
                if scope.everything {
                    // Gates share-lock their community's row while they insert (`PassageRecord.insert`): passages
                    // being written finish first and are purged below; later ones see the stand-down.
                    try await sql.raw("SELECT id FROM communities WHERE id = \(bind: scope.community) FOR UPDATE").run()
                }
            }
            var steps = PurgeSteps(sql: sql, scope: scope)
            try await steps.runAll()
            if scope.everything {
                steps.counts.add(try await Self.anonymiseAccounts(of: scope.community, on: tx, sealer: sealer), to: "users")
                // Stood down with its purge, or not at all: the gates stop exactly when the data is gone.
                try await sql.update("communities").set("stood_down_at", to: now).set("stood_down_by", to: user)
                    .where("id", .equal, scope.community).run()
            }
            let run = PurgeRun()
            run.communityID = scope.community
            run.kind = kind.rawValue
            run.cutoff = scope.everything ? nil : scope.cutoff
            run.at = now
            run.by = user
            run.counts = String(decoding: try JSONEncoder().encode(steps.counts), as: UTF8.self)
            run.total = steps.counts.total
            try await run.create(on: tx)
            return steps.counts
        }
        if scope.everything { services.hotPath.forgetAll() }
        if db.engine == .sqlite, let sql = db as? any SQLDatabase {
            // Copies the zeroed pages into the file and empties the log that still holds the old ones.
            try? await sql.raw("PRAGMA wal_checkpoint(TRUNCATE)").run()
        }
        return counts
    }

    /// Resident, landlord and agency accounts of the community keep their row (audit entries name it) but lose
    /// their name, phone and sign-in.
    private static func anonymiseAccounts(of community: UUID, on db: any Database, sealer: FieldSealer) async throws -> Int {
        let roles = [Role.resident, .landlord, .agency].map(\.rawValue)
        let users = try await User.query(on: db).filter(\.$communityID == community).filter(\.$role ~~ roles).all()
        for user in users where !user.username.hasPrefix("purged-") {
            try await APIToken.query(on: db).filter(\.$user.$id == user.id!).delete()
            user.username = "purged-" + user.id!.uuidString.prefix(8).lowercased()
            user.nameSealed = sealer.seal("—", context: "user.name")
            user.phoneSealed = nil
            user.phoneIndex = nil
            user.userCodeSealed = nil
            user.userCodeIndex = nil
            user.passwordHash = "!"
            user.isActive = false
            try await user.save(on: db)
        }
        return users.count
    }
}
