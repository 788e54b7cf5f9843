import Foundation
import FluentPostgresDriver
import FluentSQLiteDriver
import GatehouseStore
import SQLKit

/// A passage as exports and contact traces read it: plain values straight from SQL (hundreds of thousands of rows
/// per export), read column by column — Codable's keyed decoding and Foundation's UUID parsing cost more than the
/// query itself.
struct PassageLine: Sendable {
    let id: UUID
    let communityID: UUID
    let checkpointID: UUID
    let operatorID: UUID
    let personID: UUID?
    let householdID: UUID?
    let direction: String
    let readings: String
    let temperatureTenths: Int
    let status: String
    let decision: String
    let reasons: String
    let nameMasked: String
    let phoneMasked: String
    let recordedAt: Date
    /// `recorded_at` exactly as stored, for the next page's keyset.
    let keysetTime: KeysetTime

    static let columns = ["id", "community_id", "checkpoint_id", "operator_id", "person_id", "household_id", "direction", "readings",
                          "temperature_tenths", "status", "decision", "reasons", "name_masked", "phone_masked", "recorded_at"]

    /// `SELECT <columns> FROM passages WHERE <condition> ORDER BY <order> LIMIT <limit>`.
    static func select(where condition: SQLQueryString, orderBy order: String, limit: Int? = nil,
                       on sql: any SQLDatabase) async throws -> [PassageLine] {
        var query: SQLQueryString = "SELECT \(unsafeRaw: columns.joined(separator: ", ")) FROM passages WHERE \(condition) ORDER BY \(unsafeRaw: order)"
        if let limit { query.appendLiteral(" LIMIT \(limit)") }
        if let postgres = sql as? any PostgresDatabase { return try await select(query, on: sql, postgres: postgres) }
        guard let sqlite = sql as? any SQLiteDatabase else { throw SQLiteRowError(column: "*", expected: "from SQLite or PostgreSQL") }
        return try await SQLiteRows.select(query, on: sql, sqlite: sqlite).map(PassageLine.init(row:))
    }
}

extension PassageLine {
    /// Reads a SQLite row (PostgreSQL rows are read by `select(_:on:postgres:)`).
    init(row: SQLiteRow) throws {
        func required(_ column: String) throws -> UUID {
            guard let id = try row.uuid(column) else { throw SQLiteRowError(column: column, expected: "set") }
            return id
        }
        func text(_ column: String) throws -> String {
            guard let text = try row.text(column) else { throw SQLiteRowError(column: column, expected: "set") }
            return text
        }
        id = try required("id")
        communityID = try required("community_id")
        checkpointID = try required("checkpoint_id")
        operatorID = try required("operator_id")
        personID = try row.uuid("person_id")
        householdID = try row.uuid("household_id")
        direction = try text("direction")
        readings = try text("readings")
        temperatureTenths = try row.integer("temperature_tenths")
        status = try text("status")
        decision = try text("decision")
        reasons = try text("reasons")
        nameMasked = try text("name_masked")
        phoneMasked = try text("phone_masked")
        // Read once, as stored (the keyset needs the exact value; the register shows whole seconds).
        let seconds = try row.real("recorded_at")
        recordedAt = Date(timeIntervalSince1970: seconds)
        keysetTime = .seconds(seconds)
    }
}
