import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import GatehouseStore
import SQLKit

/// A passage's row as plain values, ready for a multi-row insert (the group commit writes a batch's passages with
/// one statement).
struct PassageRecord: BatchRow {
    /// The row's values as the database in use binds them, made once.
    enum Binds: Sendable {
        /// SQLite: what SQLiteKit's encoder would make of the values (ids and texts as text, times as seconds since
        /// 1970, flags as 0 or 1), bound without going through `Encodable`.
        case sqlite([SQLiteData])
        /// PostgreSQL: the values themselves, bound column by column (`PassageBatchStatement`).
        case postgres(PassageValues)
    }

    let binds: Binds
    let id: UUID

    static let columns = ["id", "community_id", "checkpoint_id", "operator_id", "person_id", "household_id", "pass_id",
                          "registration_id", "direction", "mode", "readings", "temperature_tenths", "status", "decision",
                          "reasons", "wears_mask", "awaiting_remeasure", "name_masked", "phone_masked", "recorded_at",
                          "client_time", "client_request_id", "updated_at", "offline", "review_decision", "review_reasons"]

    /// The row of `p`, to be inserted on `db` (its dialect picks the binds).
    init(_ p: PassageValues, on db: any Database) {
        id = p.id
        guard db.engine == .sqlite else {
            binds = .postgres(p)
            return
        }
        let o = p.outcome
        func text(_ value: UUID?) -> SQLiteData { value.map { .text(UUIDText.text($0)) } ?? .null }
        func time(_ value: Date?) -> SQLiteData { value.map { .float($0.timeIntervalSince1970) } ?? .null }
        func flag(_ value: Bool) -> SQLiteData { .integer(value ? 1 : 0) }
        binds = .sqlite([text(p.id), text(p.communityID), text(p.checkpointID), text(p.operatorID),
                         text(p.personID), text(p.householdID), text(p.passID), text(p.registrationID), .text(p.direction.rawValue),
                         .text(p.mode), .text(o.readings), .integer(o.temperatureTenths), .text(o.status.rawValue),
                         .text(o.decision), .text(o.reasons), flag(p.wearsMask), flag(o.awaitingRemeasure),
                         .text(p.nameMasked), .text(p.phoneMasked), time(p.recordedAt), time(p.clientTime),
                         text(p.clientRequestID), time(p.updatedAt), flag(p.offline),
                         p.review.map { .text($0.decision) } ?? .null, p.review.map { .text($0.reasons) } ?? .null])
    }

    /// Inserts `records` with one statement, in their order, leaving out any whose community has stood down and
    /// any whose clientRequestId (or id) is already stored; returns the ids inserted.
    /// (An empty batch on PostgreSQL prepares the statement on the connection and inserts nothing.)
    static func insert(_ records: [PassageRecord], on sql: any SQLDatabase) async throws -> Set<UUID> {
        if let sqlite = sql as? any SQLiteDatabase {
            guard !records.isEmpty else { return [] }
            return try await insert(records, on: sqlite)
        }
        guard let postgres = sql as? any PostgresDatabase else { preconditionFailure("neither SQLite nor PostgreSQL") }
        let statement = PassageBatchStatement(rows: records.map { record in
            guard case .postgres(let values) = record.binds else { preconditionFailure("a passage row made for another database") }
            return values
        })
        // On the connection the caller is using (the lane's, or its transaction's), which keeps the statement
        // prepared for its life. Not on one already closed: PostgresNIO might never answer (`ConnectionLossWatch`).
        return try await postgres.withConnection { connection in
            guard !connection.isClosed else { return connection.eventLoop.makeFailedFuture(ConnectionLossWatch.Lost()) }
            return connection.eventLoop.makeFutureWithTask {
                var inserted = Set<UUID>()
                for try await id in try await connection.execute(statement, logger: postgres.logger) { inserted.insert(id) }
                return inserted
            }
        }.get()
    }

    /// SQLite: one writer at a time, so the stand-down check can sit in the statement (`VALUES` names its columns
    /// column1, column2 …, and column2 is community_id). The values are bound as they are (`Binds.sqlite`).
    private static func insert(_ records: [PassageRecord], on sqlite: any SQLiteDatabase) async throws -> Set<UUID> {
        let row = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        let text = "INSERT INTO passages (\(columns.joined(separator: ", "))) SELECT * FROM (VALUES "
            + Array(repeating: row, count: records.count).joined(separator: ", ")
            + ") AS v WHERE NOT EXISTS (SELECT 1 FROM communities c WHERE c.id = v.column2 AND c.stood_down_at IS NOT NULL)"
            + " ON CONFLICT DO NOTHING RETURNING id"
        var binds: [SQLiteData] = []
        binds.reserveCapacity(records.count * columns.count)
        for record in records {
            guard case .sqlite(let values) = record.binds else { preconditionFailure("a passage row made for another database") }
            binds.append(contentsOf: values)
        }
        let rows = try await sqlite.query(text, binds)
        return Set(rows.compactMap { row in
            guard case .text(let id) = row.column("id") else { return nil }
            return UUIDText.parse(id)
        })
    }
}
